import AtlasModel

/// The feature collections served under `/ogc/collections`.
enum CollectionID: String, CaseIterable, Sendable {
    case communes, districts, works

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
        }
    }

    var description: String {
        switch self {
        case .communes:
            "One feature per commune: codes, names, classifications, statistics of the chosen year (year=…, default the latest) on the units in force on units=… (default the latest), coverage per category, works counts, investment and the P1 target fields."
        case .districts: "One feature per district: code, name, type, province and the poor_30a flag."
        case .works: "One feature per infrastructure work of the programmes, with its attributes."
        }
    }

    /// Query parameters of `/items`, besides `f`.
    var itemsParameters: Set<String> {
        switch self {
        case .communes: ["limit", "offset", "bbox", "district", "year", "units", "f"]
        case .districts: ["limit", "offset", "bbox", "units", "f"]
        case .works: ["limit", "offset", "bbox", "datetime", "programme", "category", "status", "district", "units", "f"]
        }
    }

    /// Query parameters of `/items/{featureId}`.
    var itemParameters: Set<String> { self == .communes ? ["year", "units", "f"] : ["units", "f"] }

    /// True when `id` could name a feature of this collection (codes: digits; works: 1–64 printable characters).
    func isWellFormed(featureId id: String) -> Bool {
        switch self {
        case .communes, .districts: QueryParameters.isCode(id)
        case .works: Work.idProblem(id) == nil
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
