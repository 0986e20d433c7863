import AtlasModel
import AtlasStore

/// What the engine decided for one coverage point in one category: a village, or the centroid
/// standing for a commune without villages (SPEC §2).
public struct PointService: Sendable, Hashable {
    /// The village code, or the commune code when `isCentroid`.
    public var code: String
    public var communeCode: String
    public var isCentroid: Bool
    /// Metric (EPSG:3405) location; nil for a village without one.
    public var metricLocation: Position?
    public var households: Int?
    public var served: Bool
    /// Planar metres to the nearest serving work whose location counts for distance; nil when
    /// the point has no location or no such work exists.
    public var nearestServingDistanceM: Double?
}

extension CoverageEngine {
    /// Every coverage point with its served flag and the distance to its nearest serving work,
    /// communes in input order: the same judgement `compute` adds up into ratios.
    public func pointServices(
        _ inputs: CoverageInputs, category: WorkCategory, asOf: CalendarDate? = nil
    )
        -> [PointService]
    {
        let points = CoveragePoints(inputs)
        let service = CategoryService(category: category, inputs: inputs, points: points, rules: rules, asOf: asOf)
        var result: [PointService] = []
        result.reserveCapacity(points.count)
        for (c, commune) in inputs.communes.enumerated() {
            for p in points.pointsOfCommune[c] {
                result.append(
                    PointService(
                        code: points.codes[p], communeCode: commune.code, isCentroid: points.usesCentroid[c],
                        metricLocation: points.locations[p], households: points.households[p],
                        served: service.isServed(point: p, of: points),
                        nearestServingDistanceM: service.nearestDistance(point: p, of: points)))
            }
        }
        return result
    }
}
