import AtlasModel

/// The drivers WorksAtlas writes with: the formats GIS staff and planners open. Anything else
/// GDAL has is refused, so a typo cannot produce a file nobody can read.
public enum VectorDriver: String, CaseIterable, Sendable {
    case geoPackage = "GPKG"
    case shapefile = "ESRI Shapefile"
    /// LIBKML rather than GDAL's plain KML driver: only it writes the document's description.
    case kml = "LIBKML"
    case flatGeobuf = "FlatGeobuf"
    case csv = "CSV"
    case xlsx = "XLSX"
    case geoJSONSeq = "GeoJSONSeq"

    /// The extension GDAL infers single-file output from (without it FlatGeobuf and LIBKML
    /// write a folder).
    public var fileExtension: String {
        switch self {
        case .geoPackage: "gpkg"
        case .shapefile: "shp"
        case .kml: "kml"
        case .flatGeobuf: "fgb"
        case .csv: "csv"
        case .xlsx: "xlsx"
        case .geoJSONSeq: "geojsons"
        }
    }

    /// DBF field names are at most 10 bytes.
    public var maxFieldNameLength: Int? { self == .shapefile ? 10 : nil }

    /// DBF strings are at most 254 bytes; GDAL's default width (80) would cut names.
    var sizesStrings: Bool { self == .shapefile }
}

/// A field's type; `boolean` is an integer with GDAL's Boolean subtype where the driver has it.
public enum FieldKind: Sendable, Equatable {
    case string, integer64, real, date, dateTime, boolean
}

public struct FieldSpec: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    /// Width in bytes for drivers with fixed-width strings (Shapefile).
    public var width: Int?

    public init(_ name: String, _ kind: FieldKind, width: Int? = nil) {
        self.name = name
        self.kind = kind
        self.width = width
    }
}

public enum FieldValue: Sendable, Equatable {
    case null
    case string(String)
    case integer(Int64)
    case real(Double)
    case date(CalendarDate)
    /// UTC.
    case dateTime(CalendarDate, hour: Int, minute: Int, second: Int)
    case boolean(Bool)
}

/// A layer's geometry type (`none` for a table, `unknown` for mixed types).
public enum LayerGeometry: Sendable, Equatable {
    case none, unknown, point, lineString, polygon, multiPoint, multiLineString, multiPolygon
}

public struct LayerSpec: Sendable {
    public var name: String
    public var geometry: LayerGeometry
    /// EPSG code of the coordinates; nil for a table.
    public var srid: Int32?
    public var fields: [FieldSpec]
    /// GDAL layer creation options (e.g. DESCRIPTION for GeoPackage, GEOMETRY for CSV).
    public var options: [String: String]
    public var metadata: [String: String]

    public init(
        name: String, geometry: LayerGeometry, srid: Int32?, fields: [FieldSpec],
        options: [String: String] = [:], metadata: [String: String] = [:]
    ) {
        self.name = name
        self.geometry = geometry
        self.srid = srid
        self.fields = fields
        self.options = options
        self.metadata = metadata
    }
}
