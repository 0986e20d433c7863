/// Limits and leniency of ``GeoJSONReader``.
public struct GeoJSONReadOptions: Hashable, Sendable {
    /// The deepest nesting of arrays and objects accepted (SPEC §6).
    public var maxDepth: Int
    /// The most positions one geometry may have; a larger geometry is refused for its feature.
    public var maxVerticesPerGeometry: Int
    /// Accept a legacy `crs` member naming any CRS (its name is reported in
    /// ``GeoJSONReadSummary/crsName``); by default only CRS84/EPSG:4326 is accepted.
    public var acceptsAnyCRS: Bool

    public init(maxDepth: Int = 64, maxVerticesPerGeometry: Int = 100_000, acceptsAnyCRS: Bool = false) {
        self.maxDepth = maxDepth
        self.maxVerticesPerGeometry = maxVerticesPerGeometry
        self.acceptsAnyCRS = acceptsAnyCRS
    }
}
