import AtlasModel
import AtlasStore

/// "Where next": the villages the coverage engine leaves unserved in one category, with their
/// estimated poor households and the distance to the nearest serving work.
public struct GapFinder: Sendable {
    public var rules: CoverageRules

    public init(rules: CoverageRules = .standard) {
        self.rules = rules
    }

    /// Reads the store once: statistics of `statsYear`, else of the latest year with statistics.
    public func run(
        on database: any AtlasDataStore, category: WorkCategory, asOf: CalendarDate? = nil, statsYear: Int? = nil
    ) throws -> GapReport {
        let year = try statsYear ?? database.statisticsYears().last
        let inputs = try CoverageEngine(rules: rules).inputs(from: database, statsYear: year)
        // Without any statistics, the flags are those of the period holding today.
        let summaries = try database.communeSummaries(year: year ?? CalendarDate.today().year)
        let communes = summaries.map {
            GapCommune(code: $0.code, name: $0.name, stats: year == nil ? nil : $0.stats, flags: $0.flags)
        }
        let toWGS84 = try CoordinateTransformer(from: SpatialReference.metric, to: SpatialReference.wgs84)
        return compute(
            inputs, communes: communes, villages: try database.villageDirectory(statsYear: year), category: category,
            asOf: asOf, toWGS84: { toWGS84.transform($0) })
    }

    /// The computation, free of I/O; `toWGS84` places a commune's metric centroid on the map.
    public func compute(
        _ inputs: CoverageInputs, communes: [GapCommune], villages: VillageDirectory, category: WorkCategory,
        asOf: CalendarDate?, toWGS84: (Position) -> Position
    ) -> GapReport {
        let communeByCode = Dictionary(communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var gaps: [VillageGap] = []
        for point in CoverageEngine(rules: rules).pointServices(inputs, category: category, asOf: asOf)
        where !point.served {
            let commune = communeByCode[point.communeCode]
            let village = point.isCentroid ? nil : villages.villages[point.code]
            let estimate = PoorHouseholdEstimate.estimate(
                households: point.households, village: village?.stats, commune: commune?.stats)
            gaps.append(
                VillageGap(
                    villageCode: point.code, villageName: point.isCentroid ? commune?.name ?? "" : village?.name ?? "",
                    communeCode: point.communeCode, communeName: commune?.name ?? "", isCentroid: point.isCentroid,
                    households: point.households, povertyRate: commune?.povertyRate,
                    estimatedPoorHouseholds: estimate?.poorHouseholds, poorBasis: estimate?.basis,
                    distanceM: point.nearestServingDistanceM,
                    location: point.isCentroid ? point.metricLocation.map(toWGS84) : village?.location))
        }
        gaps.sort { a, b in
            switch (a.estimatedPoorHouseholds, b.estimatedPoorHouseholds) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.villageCode < b.villageCode
            }
        }
        return GapReport(
            category: category, rules: rules, asOf: asOf, statsYear: inputs.statsYear,
            communes: communes.sorted { $0.code < $1.code }, gaps: gaps)
    }
}
