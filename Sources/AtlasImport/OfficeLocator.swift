import AtlasGDAL
import AtlasModel
import AtlasStore

/// Where a row of an office table is: its GIS geometry, or its wkt, lon/lat, x/y or Kobo
/// geopoint cells.
struct OfficeLocator {
    struct Located {
        let geometry: Geometry
        var accuracy: Double? = nil
    }

    struct Problem: Error {
        let field: String
        let value: String
        let reason: String
    }

    let columns: OfficeColumnMap
    let hasGeometry: Bool
    /// Whether x holds the northing (VN survey habit); decided once per file.
    private(set) var xIsNorthing = false

    init(columns: OfficeColumnMap, hasGeometry: Bool) {
        self.columns = columns
        self.hasGeometry = hasGeometry
    }

    var canLocate: Bool {
        hasGeometry || columns.has(.wkt) || (columns.has(.lon) && columns.has(.lat))
            || (columns.has(.x) && columns.has(.y)) || columns.has(.geopoint)
    }

    /// In VN-2000 surveys "X" is the northing (≈ 2 300 000 m in Lạng Sơn) and "Y" the easting
    /// (≈ 400 000–700 000 m): when X is always the larger, the two are read that way.
    mutating func swapsVietnameseXY(_ rows: [OfficeTable.Row]) -> Bool {
        guard !hasGeometry, !columns.has(.lon), columns.has(.x), columns.has(.y) else { return false }
        let pairs = rows.compactMap { row -> (Double, Double)? in
            guard let x = OfficeWorkValues.coordinate(columns.cell(row, .x)),
                let y = OfficeWorkValues.coordinate(columns.cell(row, .y))
            else { return nil }
            return (x, y)
        }
        xIsNorthing = !pairs.isEmpty && pairs.allSatisfy { $0.0 > 1_000_000 && $0.1 < 1_000_000 }
        return xIsNorthing
    }

    func locate(_ row: OfficeTable.Row, database: any AtlasDataStore) -> Result<Located, Problem> {
        if hasGeometry {
            if let geometry = row.geometry { return .success(Located(geometry: Self.singlePart(geometry))) }
            return .failure(Problem(field: "geometry", value: "", reason: row.geometryProblem ?? "a work needs a geometry"))
        }
        // A row answers one way: a Kobo export has the split lat/lon of its geopoint and a
        // geotrace column, and a road's row leaves the point blank.
        if columns.has(.lon) && columns.has(.lat) && !isBlank(row, .lon, .lat) {
            return pair(row, .lon, .lat, swapped: false)
        }
        if columns.has(.x) && columns.has(.y) && !isBlank(row, .x, .y) { return pair(row, .x, .y, swapped: xIsNorthing) }
        if let cell = columns.cell(row, .wkt), let wkt = cell.text, !cell.isBlank {
            if let geometry = try? database.geometry(fromWKT: wkt) { return .success(Located(geometry: geometry)) }
            return .failure(
                Problem(
                    field: "wkt", value: wkt,
                    reason: "not valid WKT of a POINT, LINESTRING, POLYGON or MULTILINESTRING (e.g. POINT(106.76 21.85))"))
        }
        if let cell = columns.cell(row, .geopoint), let text = cell.text, !cell.isBlank {
            return KoboGeopoint.parse(text).map { .success($0) }
                ?? .failure(
                    Problem(
                        field: "geopoint", value: text,
                        reason: "expected \"lat lon alt accuracy\" (a geotrace or geoshape: such points joined by ;)"))
        }
        if columns.has(.lon) && columns.has(.lat) { return pair(row, .lon, .lat, swapped: false) }
        if columns.has(.x) && columns.has(.y) { return pair(row, .x, .y, swapped: xIsNorthing) }
        let names = [WorkColumn.lon, .x, .wkt, .geopoint].filter(columns.has).map(\.name).joined(separator: "/")
        return .failure(Problem(field: names.isEmpty ? "location" : names, value: "", reason: "a work needs a location"))
    }

    /// GIS tools often save every shape as a multi-part one (GeoPackage, QGIS "promote to
    /// multi"); a multi-point or multi-polygon of one part is that part.
    static func singlePart(_ geometry: Geometry) -> Geometry {
        switch geometry {
        case .multiPoint(let points) where points.count == 1: .point(points[0])
        case .multiPolygon(let polygons) where polygons.count == 1: .polygon(polygons[0])
        default: geometry
        }
    }

    private func isBlank(_ row: OfficeTable.Row, _ a: WorkColumn, _ b: WorkColumn) -> Bool {
        (columns.cell(row, a)?.isBlank ?? true) && (columns.cell(row, b)?.isBlank ?? true)
    }

    private func pair(_ row: OfficeTable.Row, _ a: WorkColumn, _ b: WorkColumn, swapped: Bool) -> Result<Located, Problem> {
        let first = columns.cell(row, a), second = columns.cell(row, b)
        let field = "\(a.name),\(b.name)"
        if (first?.isBlank ?? true) && (second?.isBlank ?? true) {
            return .failure(Problem(field: field, value: "", reason: "a work needs a location"))
        }
        guard let u = OfficeWorkValues.coordinate(first), let v = OfficeWorkValues.coordinate(second) else {
            return .failure(
                Problem(
                    field: field, value: "\(first?.text ?? ""),\(second?.text ?? "")",
                    reason: "\(a.name) and \(b.name) must be finite numbers"))
        }
        return .success(Located(geometry: .point(swapped ? Position(x: v, y: u) : Position(x: u, y: v))))
    }
}

/// KoboToolbox / ODK geometry answers: "lat lon alt acc", points joined by ";" for a geotrace
/// (a line) or a geoshape (a closed ring).
enum KoboGeopoint {
    static func parse(_ text: String) -> OfficeLocator.Located? {
        var points: [Position] = []
        var accuracy: Double?
        for part in text.split(separator: ";") {
            let numbers = part.split(separator: " ").map { NumberText.decimal(String($0)) }
            guard (2...4).contains(numbers.count), let lat = numbers[0], let lon = numbers[1] else { return nil }
            points.append(Position(x: lon, y: lat))
            if numbers.count == 4 { accuracy = numbers[3] }
        }
        switch points.count {
        case 0: return nil
        case 1: return OfficeLocator.Located(geometry: .point(points[0]), accuracy: accuracy)
        default:
            if points.count >= 4, points.first == points.last {
                return OfficeLocator.Located(geometry: .polygon([points]))
            }
            return OfficeLocator.Located(geometry: .lineString(points))
        }
    }
}
