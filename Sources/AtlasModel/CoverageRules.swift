import Foundation

/// What counts as service (SPEC §2), read from a versioned JSON file (`Data/coverage-rules.json`)
/// so the rules travel with the data. Distances are planar metres in the metric CRS.
public struct CoverageRules: Hashable, Sendable, Codable {
    public var version: String
    /// EPSG code of the planar metric space distances are measured in.
    public var metricSRID: Int32
    /// Service distance in metres per category.
    public var serviceDistanceM: [WorkCategory: Double]
    public var servingStatuses: Set<WorkStatus>
    /// Road surfaces that serve (all-season, "cứng hóa").
    public var servingRoadSurfaces: Set<RoadSurface>
    /// Location qualities too vague to count for distance-based service.
    public var excludedExactness: Set<Exactness>
    /// How communes are ranked for the next works (`priorities`); standard when the file has none.
    public var priorityWeights = PriorityWeights.standard
    /// `check` warns of a handed-over work with no maintenance in this many years.
    public var maintenanceDueYears: Int

    /// The years `maintenance_due_years` may say: at least one, at most a work's long life.
    public static let maintenanceDueRange = 1...50

    enum CodingKeys: String, CodingKey {
        case version
        case metricSRID = "metric_srid"
        case serviceDistanceM = "service_distance_m"
        case servingStatuses = "serving_statuses"
        case servingRoadSurfaces = "serving_road_surfaces"
        case excludedExactness = "excluded_exactness"
        case priorityWeights = "priority_weights"
        case maintenanceDueYears = "maintenance_due_years"
    }

    /// The defaults of SPEC §2 (road 2000 m — the Rural Access Index — health 5000, school 3000,
    /// every other category 1000).
    public static let standard = CoverageRules(
        version: "2016-2020/1", metricSRID: 3405,
        serviceDistanceM: [
            .road: 2000, .electricity: 1000, .culture: 1000, .health: 5000, .school: 3000, .irrigation: 1000,
            .water: 1000, .other: 1000,
        ],
        servingStatuses: [.completed, .handedOver], servingRoadSurfaces: [.asphalt, .concrete],
        excludedExactness: [.adminUnit], maintenanceDueYears: 3)

    public init(
        version: String, metricSRID: Int32, serviceDistanceM: [WorkCategory: Double], servingStatuses: Set<WorkStatus>,
        servingRoadSurfaces: Set<RoadSurface>, excludedExactness: Set<Exactness>, maintenanceDueYears: Int = 3
    ) {
        self.version = version
        self.metricSRID = metricSRID
        self.serviceDistanceM = serviceDistanceM
        self.servingStatuses = servingStatuses
        self.servingRoadSurfaces = servingRoadSurfaces
        self.excludedExactness = excludedExactness
        self.maintenanceDueYears = maintenanceDueYears
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        metricSRID = try c.decodeIfPresent(Int32.self, forKey: .metricSRID) ?? 3405
        let distances = try c.decode([String: Double].self, forKey: .serviceDistanceM)
        var parsed: [WorkCategory: Double] = [:]
        for (key, value) in distances {
            guard let category = WorkCategory(rawValue: key) else {
                throw ModelError.unknownValue(
                    field: "service_distance_m", value: key, allowed: WorkCategory.allowedList)
            }
            guard value.isFinite, value >= 0 else {
                throw ModelError.invalid(
                    field: "service_distance_m.\(key)", value: "\(value)", reason: "a distance must be ≥ 0 metres")
            }
            parsed[category] = value
        }
        for category in WorkCategory.allCases where parsed[category] == nil {
            throw ModelError.invalid(
                field: "service_distance_m", value: category.rawValue, reason: "no distance for \(category.rawValue)")
        }
        serviceDistanceM = parsed
        servingStatuses = try Set(
            c.decode([String].self, forKey: .servingStatuses).map {
                try WorkStatus.parse($0, field: "serving_statuses")
            })
        servingRoadSurfaces = try Set(
            c.decode([String].self, forKey: .servingRoadSurfaces).map {
                try RoadSurface.parse($0, field: "serving_road_surfaces")
            })
        excludedExactness = try Set(
            (c.decodeIfPresent([String].self, forKey: .excludedExactness) ?? []).map {
                try Exactness.parse($0, field: "excluded_exactness")
            })
        priorityWeights = try c.decodeIfPresent(PriorityWeights.self, forKey: .priorityWeights) ?? .standard
        maintenanceDueYears = try Self.decodeMaintenanceDueYears(c)
    }

    /// Absent: the standard 3 years. Read as a number first, so 2.5 or "3" is refused with the
    /// value named rather than with a decoder's type error.
    private static func decodeMaintenanceDueYears(_ c: KeyedDecodingContainer<CodingKeys>) throws -> Int {
        guard c.contains(.maintenanceDueYears) else { return standard.maintenanceDueYears }
        let field = "maintenance_due_years"
        let rule =
            "must be a whole number of years from \(maintenanceDueRange.lowerBound) to \(maintenanceDueRange.upperBound)"
        guard let value = try? c.decode(Double.self, forKey: .maintenanceDueYears) else {
            let text = (try? c.decode(String.self, forKey: .maintenanceDueYears)).map { "\"\($0)\"" } ?? "not a number"
            throw ModelError.invalid(field: field, value: text, reason: "\(rule), got \(text)")
        }
        guard let years = Int(exactly: value), maintenanceDueRange.contains(years) else {
            let text = Int(exactly: value).map(String.init) ?? "\(value)"
            throw ModelError.invalid(field: field, value: text, reason: "\(rule), got \(text)")
        }
        return years
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(metricSRID, forKey: .metricSRID)
        try c.encode(
            Dictionary(uniqueKeysWithValues: serviceDistanceM.map { ($0.key.rawValue, $0.value) }),
            forKey: .serviceDistanceM)
        try c.encode(servingStatuses.map(\.rawValue).sorted(), forKey: .servingStatuses)
        try c.encode(servingRoadSurfaces.map(\.rawValue).sorted(), forKey: .servingRoadSurfaces)
        try c.encode(excludedExactness.map(\.rawValue).sorted(), forKey: .excludedExactness)
        try c.encode(priorityWeights, forKey: .priorityWeights)
        try c.encode(maintenanceDueYears, forKey: .maintenanceDueYears)
    }

    /// Loads rules from a JSON file, with errors that name the file.
    public static func load(from url: URL) throws -> CoverageRules {
        let data = try Data(contentsOf: url)
        do {
            return try JSONDecoder().decode(CoverageRules.self, from: data)
        } catch let error as ModelError {
            throw ModelError.invalid(
                field: url.lastPathComponent, value: error.value, reason: "\(error.field): \(error.description)")
        } catch {
            throw ModelError.invalid(
                field: url.lastPathComponent, value: "", reason: "not a coverage rules file: \(error)")
        }
    }

    /// Categories that serve only with one of `servingRoadSurfaces` (an all-season road).
    public static let categoriesNeedingSurface: Set<WorkCategory> = [.road]

    /// Whether a work of these attributes serves (status, surface, location quality, date).
    public func serves(
        category: WorkCategory, status: WorkStatus, surface: RoadSurface?, exactness: Exactness,
        completedOn: CalendarDate?, asOf: CalendarDate?
    ) -> Bool {
        guard servingStatuses.contains(status) else { return false }
        if Self.categoriesNeedingSurface.contains(category) {
            guard let surface, servingRoadSurfaces.contains(surface) else { return false }
        }
        if let asOf {
            guard let completedOn, completedOn <= asOf else { return false }
        }
        return true
    }

    /// Whether the work's location may be used for distance-based service.
    public func countsByDistance(_ exactness: Exactness) -> Bool { !excludedExactness.contains(exactness) }

    public func distance(for category: WorkCategory) -> Double { serviceDistanceM[category] ?? 1000 }
}
