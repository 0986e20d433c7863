import AtlasGDAL

/// The file formats `export` writes: GeoJSON through WorksAtlas's own RFC 7946 writer, the
/// others through GDAL.
public enum ExportFormat: String, CaseIterable, Sendable {
    case geojson, geojsons, gpkg, shp, kml, fgb, csv, xlsx

    /// The format a file name's extension names (`.json` and `.geojsonl` included), or nil.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "geojson", "json": self = .geojson
        case "geojsons", "geojsonl", "geojsonseq": self = .geojsons
        case let ext: self.init(rawValue: ext)
        }
    }

    /// The GDAL driver, or nil for the GeoJSON formats (written without GDAL).
    public var driver: VectorDriver? {
        switch self {
        case .geojson, .geojsons: nil
        case .gpkg: .geoPackage
        case .shp: .shapefile
        case .kml: .kml
        case .fgb: .flatGeobuf
        case .csv: .csv
        case .xlsx: .xlsx
        }
    }

    /// GeoJSON (RFC 7946 §4) and KML are WGS 84 by definition.
    public var isWGS84Only: Bool { self == .geojson || self == .geojsons || self == .kml }

    /// Spreadsheets and CSV: one table, the location as columns.
    var isTabular: Bool { self == .csv || self == .xlsx }

    /// Formats whose clients (QGIS) need one geometry type per layer: one layer per type.
    var splitsByGeometryType: Bool { self == .gpkg || self == .shp }

    /// Formats with no place inside for the data's notice: a README text file beside them.
    var needsReadme: Bool { self == .shp || self == .fgb || self == .csv }
}
