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
        guard rules.metricSRID == SpatialReference.metric else {
            throw ModelError.invalid(
                field: "metric_srid", value: String(rules.metricSRID),
                reason:
                    "this database keeps its metric copies in EPSG:\(SpatialReference.metric); use metric_srid \(SpatialReference.metric)"
            )
        }
        let inputs = try database.coverageInputs(
            rules: rules, statsYear: statsYear)
        return compute(inputs, asOf: asOf)
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
        var served = [Bool](repeating: false, count: points.count)
        var located: [Geometry] = []
        for work in inputs.works where work.category == category {
            guard
                rules.serves(
                    category: category, status: work.status, surface: work.surface, exactness: work.exactness,
                    completedOn: work.completedOn, asOf: asOf)
            else { continue }
            for code in work.villagesServed {
                if let p = points.index(ofVillage: code) { served[p] = true }
            }
            if rules.countsByDistance(work.exactness) { located.append(work.metricGeometry) }
        }
        guard !located.isEmpty else { return served }
        let distance = rules.distance(for: category)
        let index = ProximityIndex(located, cellSize: max(distance, 1))
        for p in 0..<points.count where !served[p] {
            if let location = points.locations[p], index.hasItem(within: distance, of: location) { served[p] = true }
        }
        return served
    }
}
