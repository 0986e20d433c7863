import AtlasModel

/// The feature collections served under `/ogc/collections`.
enum CollectionID: String, CaseIterable, Sendable {
    case communes, districts, works
    /// The works of one geometry type each, for clients that draw a layer of one type only
    /// (QGIS shows only the lines of the mixed collection).
    case worksPoints = "works-points", worksLines = "works-lines", worksPolygons = "works-polygons"

    /// The works collections: the mixed one and the typed ones.
    var isWorks: Bool { workGeometryDimension != nil || self == .works }

    /// ST_Dimension of a typed works collection's geometries.
    var workGeometryDimension: Int? {
        switch self {
        case .worksPoints: 0
        case .worksLines: 1
        case .worksPolygons: 2
        case .communes, .districts, .works: nil
        }
    }

    /// Whether a feature of this geometry dimension belongs here (a typed works collection holds one).
    func holds(dimension: Int?) -> Bool {
        workGeometryDimension.map { $0 == dimension } ?? true
    }

    /// The geometry of every feature, as the `format` of OGC API – Features Part 5 (Schemas) names it.
    var geometryFormat: String {
        switch self {
        case .worksPoints: "geometry-point-or-multipoint"
        case .worksLines: "geometry-linestring-or-multilinestring"
        case .communes, .districts, .worksPolygons: "geometry-polygon-or-multipolygon"
        case .works: "geometry-any"
        }
    }

    init(path value: String) throws {
        guard let id = CollectionID(rawValue: value) else {
            throw Problem.notFound(
                "no collection \"\(value.prefix(64))\" (collections: \(Self.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        self = id
    }

    var title: String {
        switch self {
        case .communes: "Communes"
        case .districts: "Districts"
        case .works: "Works"
        case .worksPoints: "Works (points)"
        case .worksLines: "Works (lines)"
        case .worksPolygons: "Works (polygons)"
        }
    }

    var description: String {
        switch self {
        case .communes:
            "One feature per commune: codes, names, classifications, statistics of the chosen year (year=…, default the latest) on the units in force on units=… (default the latest), coverage per category, works counts, investment and the P1 target fields."
        case .districts: "One feature per district: code, name, type, province and the poor_30a flag."
        case .works: "One feature per infrastructure work of the programmes, with its attributes."
        case .worksPoints, .worksLines, .worksPolygons:
            "The works located by a \(["point", "line", "polygon"][workGeometryDimension ?? 0]), as in the works collection (same attributes and filters)."
        }
    }

    /// Query parameters of `/items`, besides `f`.
    var itemsParameters: Set<String> {
        let filters: Set<String> =
            switch self {
        case .communes: ["limit", "offset", "bbox", "district", "year", "units", "f"]
        case .districts: ["limit", "offset", "bbox", "units", "f"]
        case .works, .worksPoints, .worksLines, .worksPolygons:
            ["limit", "offset", "bbox", "datetime", "programme", "category", "status", "district", "units", "f"]
            }
        return filters.union(["crs", "bbox-crs"])
    }

    /// Query parameters of `/items/{featureId}`.
    var itemParameters: Set<String> { self == .communes ? ["year", "units", "crs", "f"] : ["units", "crs", "f"] }

    /// True when `id` could name a feature of this collection (codes: digits; works: 1–64 printable characters).
    func isWellFormed(featureId id: String) -> Bool {
        switch self {
        case .communes, .districts: QueryParameters.isCode(id)
        case .works, .worksPoints, .worksLines, .worksPolygons: Work.idProblem(id) == nil
        }
    }
}

enum CRS {
    static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
    static let gregorian = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
}

/// `f=json` (and its spellings) is accepted; any other format is refused.
func checkFormat(_ query: QueryParameters) throws {
    guard let f = query["f"] else { return }
    guard ["json", "geojson", "application/json", "application/geo+json"].contains(f) else {
        throw Problem.invalidParameter("f", f, "only JSON is served (f=json)")
    }
}

extension Geometry {
    /// 0 points, 1 lines, 2 polygons, as SpatiaLite's ST_Dimension.
    var dimension: Int {
        switch self {
        case .point, .multiPoint: 0
        case .lineString, .multiLineString: 1
        case .polygon, .multiPolygon: 2
        }
    }
}
