import AtlasGDAL
import AtlasModel

/// A layer's style as QGIS keeps it in a GeoPackage.
struct LayerStyle {
    var table: String
    var name: String
    var qml: String
    var sld: String
    var description: String
}

/// The `layer_styles` table QGIS reads a GeoPackage layer's default style from (the columns
/// QGIS itself creates), written as an attribute table so GDAL registers it in gpkg_contents.
enum LayerStylesTable {
    static func write(_ style: LayerStyle, to writer: VectorWriter) throws {
        let fields: [FieldSpec] = [
            FieldSpec("f_table_catalog", .string), FieldSpec("f_table_schema", .string),
            FieldSpec("f_table_name", .string), FieldSpec("f_geometry_column", .string),
            FieldSpec("styleName", .string), FieldSpec("styleQML", .string), FieldSpec("styleSLD", .string),
            FieldSpec("useAsDefault", .boolean), FieldSpec("description", .string), FieldSpec("owner", .string),
            FieldSpec("ui", .string), FieldSpec("update_time", .dateTime),
        ]
        let table = try writer.addLayer(
            LayerSpec(name: "layer_styles", geometry: .none, srid: nil, fields: fields, options: ["FID": "id"]))
        // The fixed date of `Reproducible.timestamp`.
        let when = try CalendarDate(year: 2000, month: 1, day: 1)
        try table.add(
            [
                .string(""), .string(""), .string(style.table), .string("geom"), .string(style.name),
                .string(style.qml), .string(style.sld), .boolean(true), .string(style.description),
                .string(""), .null, .dateTime(when, hour: 0, minute: 0, second: 0),
            ], geometry: nil)
    }
}
