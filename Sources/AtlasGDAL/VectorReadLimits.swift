/// Bounds on what one read may cost, as for the GeoJSON and CSV imports (SPEC §6).
public struct VectorReadLimits: Sendable {
    /// Bytes of the file (a Shapefile: all its parts); 1 GiB, FileBytes.maximumSize of the GeoJSON reader.
    public var maximumFileBytes: Int
    /// Features (rows) of one layer.
    public var maximumFeatures: Int
    /// Positions of one geometry, as GeoJSONReadOptions.maxVerticesPerGeometry.
    public var maximumVertices: Int

    public init(maximumFileBytes: Int = 1 << 30, maximumFeatures: Int = 1_000_000, maximumVertices: Int = 100_000) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumFeatures = maximumFeatures
        self.maximumVertices = maximumVertices
    }
}
