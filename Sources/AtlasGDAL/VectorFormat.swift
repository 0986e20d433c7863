/// The file formats read through GDAL, each with the only drivers allowed to open it: a file
/// named `.xlsx` is never handed to, say, the PostgreSQL or HTTP drivers.
public enum VectorFormat: String, CaseIterable, Sendable {
    case xlsx, ods, csv, shp, zip, gpkg, kml, kmz, gpx, fgb, geojson

    /// The format a file's extension names (`.json` is GeoJSON, `.xlsm` a workbook), or nil.
    public static func fromExtension(_ ext: String) -> VectorFormat? {
        switch ext.lowercased() {
        case "xlsm": .xlsx
        case "json": .geojson
        case let other: VectorFormat(rawValue: other)
        }
    }

    var drivers: [String] {
        switch self {
        case .xlsx: ["XLSX"]
        case .ods: ["ODS"]
        case .csv: ["CSV"]
        case .shp, .zip: ["ESRI Shapefile"]
        case .gpkg: ["GPKG"]
        // LIBKML reads ExtendedData as fields; the plain KML driver is the fallback.
        case .kml, .kmz: ["LIBKML", "KML"]
        case .gpx: ["GPX"]
        case .fgb: ["FlatGeobuf"]
        case .geojson: ["GeoJSON"]
        }
    }

    /// Spreadsheets: no geometry, and the header row is found by reading the cells.
    public var isWorkbook: Bool { self == .xlsx || self == .ods }

    /// The path GDAL opens: a zipped Shapefile is read inside the archive.
    func gdalPath(_ path: String) -> String { self == .zip ? "/vsizip/" + path : path }

    /// Config options for reading the file as written: a workbook's rows all as text cells, the
    /// header too (GDAL 3.6's spreadsheet drivers take these as config, not open, options);
    /// KML field names with their diacritics ("Mã công trình", not "M___c__ng_tr__nh").
    var readingOptions: [(String, String)] {
        switch self {
        case .xlsx: [("OGR_XLSX_HEADERS", "DISABLE"), ("OGR_XLSX_FIELD_TYPES", "STRING")]
        case .ods: [("OGR_ODS_HEADERS", "DISABLE"), ("OGR_ODS_FIELD_TYPES", "STRING")]
        case .kml, .kmz: [("LIBKML_LAUNDER_FIELD_NAMES", "NO")]
        default: []
        }
    }
}
