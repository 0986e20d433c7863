import AtlasGDAL
import AtlasModel
import AtlasStore

/// One layer of a GDAL export: the shared columns, the geometry as the format holds it (WKT in
/// CSV, none in a spreadsheet), lon/lat columns for points in tables, the notice where it fits.
struct LayerWriter {
    let format: ExportFormat
    let columns: ExportColumns
    let srid: Int32
    let notice: ExportNotice

    func write(_ records: [ExportRecord], named name: String, to writer: VectorWriter) throws -> OutputLayer {
        let type = format == .xlsx ? LayerGeometry.none : GeometryFamily.layerType(of: records.map(\.geometry))
        // Planners' tables get a point's position as two numbers; a line or polygon only in CSV's WKT.
        let positions = format.isTabular && records.contains { if case .point = $0.geometry { true } else { false } }
        let (x, y) = SpatialReference.isGeographic(srid) ? ("lon", "lat") : ("x", "y")
        let fields = columns.fields + (positions ? [FieldSpec(x, .real), FieldSpec(y, .real)] : [])
        let spec = LayerSpec(
            name: name, geometry: type, srid: type == .none ? nil : srid, fields: fields, options: options)
        let layer = try writer.addLayer(spec)
        for record in records {
            var values = columns.values(record.properties)
            if positions {
                if case .point(let p) = record.geometry { values += [.real(p.x), .real(p.y)] } else { values += [.null, .null] }
            }
            try layer.add(values, geometry: type == .none ? nil : GeometryFamily.fitted(record.geometry, to: type))
        }
        return layer
    }

    private var options: [String: String] {
        switch format {
        case .gpkg: ["DESCRIPTION": notice.paragraph]
        // Writes the .cpg that tells QGIS and ArcGIS the DBF is UTF-8.
        case .shp: ["ENCODING": "UTF-8"]
        case .csv: ["GEOMETRY": "AS_WKT"]
        default: [:]
        }
    }

    /// The workbook's README sheet: one column, a line of the notice per row.
    static func readmeSheet(_ lines: [String], to writer: VectorWriter) throws {
        let sheet = try writer.addLayer(
            LayerSpec(name: "README", geometry: .none, srid: nil, fields: [FieldSpec("README", .string)]))
        for line in lines { try sheet.add([.string(line)], geometry: nil) }
    }
}
