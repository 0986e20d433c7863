import AtlasGDAL
import AtlasModel
import AtlasStore

extension OfficeTable {
    /// GPX's per-vertex layers repeat the tracks and routes point by point: never the default.
    static let gpxVertexLayers: Set<String> = ["track_points", "route_points"]

    /// Fields GPX and KML define for every feature; they describe the GPS fix or the display.
    static let gpxFields = [
        "ele", "time", "magvar", "geoidheight", "cmt", "desc", "src", "sym", "type", "fix", "sat", "hdop", "vdop",
        "pdop", "ageofdgpsdata", "dgpsid", "number",
    ] + ["link1", "link2"].flatMap { ["\($0)_href", "\($0)_text", "\($0)_type"] }
    static let kmlFields = [
        "description", "timestamp", "begin", "end", "altitudemode", "tessellate", "extrude", "visibility",
        "draworder", "icon", "snippet",
    ]

    /// GPX keeps fields of its own in `<extensions>`, which GDAL names with their XML prefix
    /// ("ogr_id", "kobo_status"): the name after the prefix, when that names a column.
    static func gpxExtensionName(_ header: String) -> String {
        guard let underscore = header.firstIndex(of: "_"), WorkColumns.column(forHeader: header) == nil else {
            return header
        }
        let rest = String(header[header.index(after: underscore)...])
        return WorkColumns.column(forHeader: rest) == nil ? header : rest
    }

    /// Formats whose layers are parts of one whole: a GeoPackage of one layer per geometry type
    /// (as `export works` writes it), a KML of folders. Without `--sheet` all their layers are read.
    static let formatsReadWhole: Set<VectorFormat> = [.gpkg, .kml, .kmz]

    /// A GIS file's features: the attribute fields are the header (the union, in order, when
    /// several layers are read), each feature a row with its geometry.
    static func layer(
        _ dataset: VectorDataset, named: String?, srid fallback: Int32, what rows: String = "works",
        withoutGeometry: String = "a work needs a geometry"
    ) throws(ImportFailure) -> OfficeTable {
        let first = try chooseLayer(
            dataset, named: named, what: "layer", skipping: dataset.format == .gpx ? gpxVertexLayers : [])
        let layers =
            named == nil && formatsReadWhole.contains(dataset.format)
            ? dataset.layers.filter { $0.featureCount > 0 } : [first]
        func headers(_ layer: VectorLayer) -> [String] {
            dataset.format == .gpx ? layer.fieldNames.map(gpxExtensionName) : layer.fieldNames
        }
        var union: [String] = []
        for layer in layers { for header in headers(layer) where !union.contains(header) { union.append(header) } }
        let nameColumn = union.firstIndex { $0.lowercased() == "name" }
        var table = OfficeTable(
            headers: union, rows: [], headerLocation: layers.map { "layer \"\($0.name)\"" }.joined(separator: ", "))
        table.hasGeometry = true
        switch dataset.format {
        case .gpx: table.formatFields = Set(gpxFields.map(WorkColumns.key))
        case .kml, .kmz: table.formatFields = Set(kmlFields.map(WorkColumns.key))
        default: break
        }
        let what = dataset.format == .kml || dataset.format == .kmz ? "placemark" : "feature"
        var srid: (code: Int32, note: String, layer: String)?
        for layer in layers {
            let positions = headers(layer).map { union.firstIndex(of: $0)! }
            let prefix = layers.count > 1 ? "layer \"\(layer.name)\" " : ""
            let before = table.rows.count
            do {
                try layer.forEachFeature { feature in
                    var cells = [VectorValue](repeating: .null, count: union.count)
                    for (value, position) in zip(feature.values, positions) { cells[position] = value }
                    let name = nameColumn.flatMap { cells[$0].text }.map { $0.trimmedASCIISpaces } ?? ""
                    let location =
                        !name.isEmpty && what == "placemark"
                        ? "placemark \"\(name)\" (\(prefix)feature \(feature.index))"
                        : "\(prefix)feature \(feature.index) (FID \(feature.fid))"
                    table.rows.append(
                        Row(
                            location: location, cells: cells, geometry: feature.geometry,
                            geometryProblem: feature.geometryProblem
                                ?? (feature.geometry == nil ? withoutGeometry : nil)))
                }
            } catch {
                throw ImportFailure(file: dataset.path, problems: [.file("\(error)")])
            }
            table.notes.append("read layer \"\(layer.name)\" (\(table.rows.count - before) features)")
            let (code, note) = try layer.inputSRID(fallback: fallback, file: dataset.path, what: rows)
            if let srid, srid.code != code {
                throw ImportFailure(
                    file: dataset.path,
                    problems: [
                        .file(
                            "layer \"\(layer.name)\" is in EPSG:\(code) but layer \"\(srid.layer)\" in EPSG:\(srid.code); read one at a time with --sheet")
                    ])
            }
            srid = srid ?? (code, note, layer.name)
        }
        table.srid = srid?.code
        if let srid { table.notes.append(srid.note) }
        return table
    }
}
