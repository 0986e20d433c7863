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

    /// A GIS layer: its attribute fields are the header, each feature a row with its geometry.
    static func layer(
        _ dataset: VectorDataset, named: String?, srid fallback: Int32, what rows: String = "works",
        withoutGeometry: String = "a work needs a geometry"
    ) throws(ImportFailure) -> OfficeTable {
        let layer = try chooseLayer(
            dataset, named: named, what: "layer", skipping: dataset.format == .gpx ? gpxVertexLayers : [])
        let headers = dataset.format == .gpx ? layer.fieldNames.map(gpxExtensionName) : layer.fieldNames
        let nameColumn = headers.firstIndex { $0.lowercased() == "name" }
        var table = OfficeTable(headers: headers, rows: [], headerLocation: "layer \"\(layer.name)\"")
        table.hasGeometry = true
        switch dataset.format {
        case .gpx: table.formatFields = Set(gpxFields.map(WorkColumns.key))
        case .kml, .kmz: table.formatFields = Set(kmlFields.map(WorkColumns.key))
        default: break
        }
        let what = dataset.format == .kml || dataset.format == .kmz ? "placemark" : "feature"
        do {
            try layer.forEachFeature { feature in
                let name = nameColumn.flatMap { feature.values[$0].text }.map { $0.trimmedASCIISpaces } ?? ""
                let location =
                    !name.isEmpty && nameColumn != nil && what == "placemark"
                    ? "placemark \"\(name)\" (feature \(feature.index))"
                    : "feature \(feature.index) (FID \(feature.fid))"
                table.rows.append(
                    Row(
                        location: location, cells: feature.values, geometry: feature.geometry,
                        geometryProblem: feature.geometryProblem ?? (feature.geometry == nil ? withoutGeometry : nil)))
            }
        } catch {
            throw ImportFailure(file: dataset.path, problems: [.file("\(error)")])
        }
        table.notes.append("read layer \"\(layer.name)\" (\(table.rows.count) features)")
        let (srid, note) = try layer.inputSRID(fallback: fallback, file: dataset.path, what: rows)
        table.srid = srid
        table.notes.append(note)
        return table
    }
}
