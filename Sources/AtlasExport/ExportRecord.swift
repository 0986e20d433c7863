import AtlasGeoJSON
import AtlasModel

/// One feature of an export before it meets a format: the same properties as the GeoJSON export.
struct ExportRecord {
    var properties: [(String, JSONValue)]
    var geometry: Geometry
}

/// What an export wrote.
public struct ExportResult: Sendable {
    public var features: Int
    /// Every file written, in order (a Shapefile set is several).
    public var files: [String]
    /// Features per layer, in order.
    public var layers: [(name: String, features: Int)]
    /// What GDAL warned about while writing (a clean export has nothing).
    public var warnings: [String] = []
}
