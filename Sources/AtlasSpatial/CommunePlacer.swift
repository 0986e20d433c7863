import AtlasModel

/// The commune a work lies in, by the rules of ``CommuneAssigner``: points are located on the
/// WGS84 boundaries, where GeoJSON edges are straight (RFC 7946), so a point on a shared edge is
/// on it exactly and goes to the lowest code; lines and polygons by length and area in metres.
/// One definition for the importer (the units a work is registered on) and the store (the same
/// works on the units of another date).
public struct CommunePlacer: Sendable {
    public let metric: CommuneAssigner
    public let wgs84: CommuneAssigner

    /// - Parameters: the same communes, with their metric and their WGS84 boundaries.
    public init(metric: [(code: String, geometry: Geometry)], wgs84: [(code: String, geometry: Geometry)]) {
        self.metric = CommuneAssigner(communes: metric.compactMap { u in PlanarPolygon(u.geometry).map { (u.code, $0) } })
        self.wgs84 = CommuneAssigner(communes: wgs84.compactMap { u in PlanarPolygon(u.geometry).map { (u.code, $0) } })
    }

    /// The commune of a work given in both forms, or nil when it lies in none.
    public func commune(wgs84 geometry: Geometry, metric metricGeometry: Geometry, scratch: inout SpatialScratch)
        -> String?
    {
        geometry.isPuntal
            ? wgs84.assign(geometry, scratch: &scratch).code : metric.assign(metricGeometry, scratch: &scratch).code
    }
}
