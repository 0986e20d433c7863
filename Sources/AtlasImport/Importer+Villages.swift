import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    public static let villageFormatNames = VillageRows.formats.map(\.rawValue)

    /// Imports villages (code, commune_code, name, lon, lat, households) from CSV, a workbook
    /// sheet (XLSX, ODS) or a GIS layer of points (Shapefile, GeoPackage, FlatGeobuf, KML, GeoJSON);
    /// `srid` is the input CRS when the file states none.
    public func importVillages(
        from file: URL, srid: Int32 = 4326, format: String? = nil, sheet: String? = nil,
        provenance: ImportProvenance = .init()
    ) throws
        -> ImportReport
    {
        var log = ProblemLog(file: file.path)
        let input = try VillageRows.read(file, format: format, sheet: sheet, srid: srid, log: &log)
        try log.finish()
        if input.rows.isEmpty { log.add("file", "-", "", "no villages in the file: nothing to import") }
        let communes = Set(try database.units(kind: .commune).map(\.code))
        let checker = try LocationChecker(inputSRID: input.srid, database: database)
        var rows: [VillageRow] = []
        var seen: [String: String] = [:]
        for row in input.rows {
            let at = row.location
            let code = row["code"] ?? ""
            let commune = row["commune_code"] ?? ""
            let name = row["name"] ?? ""
            var ok = true
            func bad(_ field: String, _ value: String, _ reason: String) {
                log.add(at, field, value, reason)
                ok = false
            }
            if code.isEmpty { bad("code", code, "code is required") }
            if let first = seen[code], !code.isEmpty { bad("code", code, "duplicate of \(first)") }
            seen[code] = seen[code] ?? at
            if !communes.contains(commune) {
                bad(
                    "commune_code", commune,
                    commune.isEmpty ? "commune_code is required" : "no commune with this code is loaded")
            } else if !(code.hasPrefix(commune) && code.count == commune.count + 3 && code.allSatisfy(\.isNumber)) {
                bad("code", code, "a village code is its commune code followed by 3 digits (e.g. \(commune)001)")
            }
            if name.isEmpty { bad("name", name, "name is required") }
            var households: Int?
            if let text = row["households"] {
                if let n = Self.integer(text), n >= 0, n < 1_000_000 {
                    households = Int(n)
                } else {
                    bad("households", text, "households must be a whole number ≥ 0")
                }
            }
            var point: Position?
            var given = ""
            if let problem = row.geometryProblem {
                bad("geometry", "", problem)
            } else if let feature = row.point {
                point = feature
                given = "\(feature.x),\(feature.y)"
            } else {
                switch (row["lon"], row["lat"]) {
                case (nil, nil): break
                case (let lon?, let lat?):
                    guard let x = Self.number(lon) else { bad("lon", lon, "not a finite number"); break }
                    guard let y = Self.number(lat) else { bad("lat", lat, "not a finite number"); break }
                    point = Position(x: x, y: y)
                    given = "\(lon),\(lat)"
                case (let lon, _):
                    bad(lon == nil ? "lon" : "lat", "", "lon and lat must both be given or both be empty")
                }
            }
            var location: Position?
            var metric: Position?
            if let point {
                switch checker.locate(.point(point)) {
                case .success(let located):
                    location = located.wgs84.positions[0]
                    metric = located.metric.positions[0]
                case .failure(let problem): bad("lon,lat", given, problem.reason)
                }
            }
            if ok {
                rows.append(
                    VillageRow(
                        village: Village(
                            code: code, communeCode: commune, name: name, location: location, households: households),
                        metricLocation: metric))
            }
        }
        try log.finish()
        try database.saveVillages(rows, source: provenance.resolved(kind: "villages", file: file))
        return ImportReport(
            kind: "villages", file: file.path, rowCount: rows.count, warnings: log.warnings, notes: log.notes)
    }
}
