import AtlasModel
import AtlasSpatial
import AtlasStore
import Dispatch
import Foundation

/// Computes SPEC §2 coverage: for every village (or centroid stand-in) and category, whether a
/// serving work lies within the service distance (planar metres in the metric CRS, inclusive)
/// or lists the village in `villages_served`; then household-weighted ratios per commune.
public struct CoverageEngine: Sendable {
    public var rules: CoverageRules

    public init(rules: CoverageRules = .standard) {
        self.rules = rules
    }

    /// Runs on the database (reads once, computes in memory).
    public func run(on database: any AtlasDataStore, asOf: CalendarDate? = nil, statsYear: Int? = nil) throws -> CoverageReport
    {
        compute(try inputs(from: database, statsYear: statsYear), asOf: asOf)
    }

    /// What the engine reads, once the rules' metric space is the one the store keeps.
    public func inputs(from database: any AtlasDataStore, statsYear: Int? = nil) throws -> CoverageInputs {
        guard rules.metricSRID == SpatialReference.metric else {
            throw ModelError.invalid(
                field: "metric_srid", value: String(rules.metricSRID),
                reason:
                    "this database keeps its metric copies in EPSG:\(SpatialReference.metric); use metric_srid \(SpatialReference.metric)"
            )
        }
        return try database.coverageInputs(rules: rules, statsYear: statsYear)
    }

    /// The computation itself, free of I/O.
    public func compute(_ inputs: CoverageInputs, asOf: CalendarDate? = nil) -> CoverageReport {
        let points = CoveragePoints(inputs)
        let categories = WorkCategory.allCases
        let results = ConcurrentSlots<[Bool]>(count: categories.count, initial: [])
        DispatchQueue.concurrentPerform(iterations: categories.count) { i in
            results[i] = servedFlags(category: categories[i], inputs: inputs, points: points, asOf: asOf)
        }
        let servedByCategory = results.values
        var communes: [CommuneCoverage] = []
        communes.reserveCapacity(inputs.communes.count)
        for (c, commune) in inputs.communes.enumerated() {
            var tallies: [WorkCategory: CoverageTally] = [:]
            var servedVillages: [WorkCategory: Int] = [:]
            for (i, category) in categories.enumerated() {
                var tally = CoverageTally()
                var served = 0
                for p in points.pointsOfCommune[c] {
                    tally.add(households: points.households[p], served: servedByCategory[i][p])
                    if servedByCategory[i][p] { served += 1 }
                }
                tallies[category] = tally
                servedVillages[category] = served
            }
            communes.append(
                CommuneCoverage(
                    code: commune.code, districtCode: commune.districtCode, usesCentroid: points.usesCentroid[c],
                    tallies: tallies, workCounts: inputs.workCounts[commune.code] ?? [:],
                    villageCount: points.pointsOfCommune[c].count, servedVillages: servedVillages))
        }
        return CoverageReport(
            communes: communes, rules: rules, asOf: asOf, statsYear: inputs.statsYear,
            villagesWithoutLocation: points.withoutLocation)
    }

    /// Served flag per coverage point for one category.
    func servedFlags(
        category: WorkCategory, inputs: CoverageInputs, points: CoveragePoints, asOf: CalendarDate?
    )
        -> [Bool]
    {
        let service = CategoryService(category: category, inputs: inputs, points: points, rules: rules, asOf: asOf)
        return (0..<points.count).map { service.isServed(point: $0, of: points) }
    }
}

/// The serving works of one category as the engine judges them: the points they list in
/// `villages_served`, and an index of the ones whose location counts for distance.
struct CategoryService {
    let distance: Double
    private let listed: [Bool]
    private let located: ProximityIndex?

    init(
        category: WorkCategory, inputs: CoverageInputs, points: CoveragePoints, rules: CoverageRules,
        asOf: CalendarDate?
    ) {
        var listed = [Bool](repeating: false, count: points.count)
        var geometries: [Geometry] = []
        for work in inputs.works where work.category == category {
            guard
                rules.serves(
                    category: category, status: work.status, surface: work.surface, exactness: work.exactness,
                    completedOn: work.completedOn, asOf: asOf)
            else { continue }
            for code in work.villagesServed {
                if let p = points.index(ofVillage: code) { listed[p] = true }
            }
            if rules.countsByDistance(work.exactness) { geometries.append(work.metricGeometry) }
        }
        distance = rules.distance(for: category)
        self.listed = listed
        located = geometries.isEmpty ? nil : ProximityIndex(geometries, cellSize: max(distance, 1))
    }

    /// SPEC §2 `served(v, c)`: listed by a serving work, or one lies within the service distance.
    func isServed(point p: Int, of points: CoveragePoints) -> Bool {
        if listed[p] { return true }
        guard let located, let location = points.locations[p] else { return false }
        return located.hasItem(within: distance, of: location)
    }

    /// Metres to the nearest serving work whose location counts; nil without a location or such a work.
    func nearestDistance(point p: Int, of points: CoveragePoints) -> Double? {
        guard let located, let location = points.locations[p] else { return nil }
        return located.nearest(to: location)?.distance
    }
}
