import AtlasGDAL
import AtlasModel
import AtlasStore
import Foundation

/// Writes the commune map and the works layer through GDAL (GeoPackage, Shapefile, KML,
/// FlatGeobuf, CSV, XLSX), with the GeoJSON export's properties, optionally reprojected.
public struct GISExporter {
    let database: any AtlasDataStore
    public let format: ExportFormat
    /// EPSG code of the coordinates written (the database holds WGS 84).
    public let srid: Int32

    public init(database: any AtlasDataStore, format: ExportFormat, srid: Int32 = SpatialReference.wgs84) {
        precondition(format.driver != nil, "\(format) is written by GeoJSONExporter")
        self.database = database
        self.format = format
        self.srid = srid
    }

    /// The works layer: in GeoPackage and Shapefile one layer per geometry type (works_points,
    /// works_lines, works_polygons, only those with works), elsewhere one layer.
    @discardableResult
    public func writeWorks(matching filter: WorkFilter = WorkFilter(), to path: String) throws -> ExportResult {
        let records = try database.works(matching: filter).map {
            ExportRecord(properties: WorksLayerExport.properties(of: $0), geometry: $0.work.geometry)
        }
        let notice = try ExportNotice(title: "WorksAtlas works layer", database: database)
        return try write(records, base: "works", splitting: true, notice: notice, to: path)
    }

    /// The commune map, one layer; a GeoPackage also gets the web map's poverty choropleth as
    /// the QGIS default style.
    @discardableResult
    public func writeCommunes(_ export: CommuneMapExport, to path: String) throws -> ExportResult {
        let records = try database.communeSummaries(year: export.year).map {
            ExportRecord(properties: export.properties(of: $0), geometry: $0.geometry.simplestForm)
        }
        let notice = try ExportNotice(title: "WorksAtlas commune map, statistics of \(export.year)", database: database)
        let styling: ((VectorWriter, String) throws -> Void)? =
            format != .gpkg ? nil : { writer, layer in
                try LayerStylesTable.write(PovertyChoropleth.style(layer: layer), to: writer)
            }
        return try write(records, base: "communes", splitting: false, notice: notice, to: path, styling: styling)
    }

    private func write(
        _ records: [ExportRecord], base: String, splitting: Bool, notice: ExportNotice, to path: String,
        styling: ((VectorWriter, String) throws -> Void)? = nil
    ) throws -> ExportResult {
        let driver = format.driver!
        let transformer = try CoordinateTransformer(from: SpatialReference.wgs84, to: srid)
        let projected = records.map { ExportRecord(properties: $0.properties, geometry: transformer.transform($0.geometry)) }
        let columns = ExportColumns(rows: records.map(\.properties))
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        // A Shapefile set goes into the folder of -o, its files named after the stem.
        let destination = format == .shp ? url.deletingLastPathComponent().path : path
        let writer = try VectorWriter(
            destination: destination, driver: driver, options: datasetOptions(notice),
            configuration: format == .gpkg ? ["OGR_CURRENT_DATE": Reproducible.timestamp] : [:])
        if format == .gpkg { try writer.setMetadata(notice.metadata) }
        var result = ExportResult(features: 0, files: [], layers: [])
        var readme = notice.lines(["Coordinates: EPSG:\(srid)"])
        try writer.inTransaction {
            for (suffix, group) in groups(projected, splitting: splitting) {
                let name = format == .shp ? stem + suffix : base + suffix
                let layer = try LayerWriter(format: format, columns: columns, srid: srid, notice: notice)
                    .write(group, named: name, to: writer)
                result.layers.append((name, group.count))
                result.features += group.count
                if format == .shp {
                    readme.append("\(name).shp: \(group.count) features; field names (full name = DBF name):")
                    readme += zip(layer.spec.fields, layer.writtenNames).map { "  \($0.name) = \($1)" }
                    result.files += ["shp", "shx", "dbf", "prj", "cpg"].map { "\(destination)/\(name).\($0)" }
                }
                try styling?(writer, name)
            }
            if format == .xlsx { try LayerWriter.readmeSheet(readme, to: writer) }
        }
        if format.needsReadme {
            // Named after the format too: works.csv and works.shp beside each other keep theirs.
            let name = "\(stem).\(format.rawValue).README.txt"
            try writer.addSidecar(named: name, contents: readme.joined(separator: "\n") + "\n")
            result.files.append(url.deletingLastPathComponent().appendingPathComponent(name).path)
        }
        try writer.finish()
        result.warnings = writer.warnings.map(\.text)
        if format != .shp { result.files.insert(path, at: 0) }
        return result
    }

    /// Records per layer: by geometry family when splitting (only non-empty families), else all.
    private func groups(_ records: [ExportRecord], splitting: Bool) -> [(String, [ExportRecord])] {
        guard splitting, format.splitsByGeometryType else { return [("", records)] }
        return GeometryFamily.allCases.compactMap { family in
            let members = records.filter { GeometryFamily($0.geometry) == family }
            return members.isEmpty ? nil : ("_\(family.rawValue)", members)
        }
    }

    private func datasetOptions(_ notice: ExportNotice) -> [String: String] {
        switch format {
        case .kml: ["NAME": notice.title, "DESCRIPTION": notice.paragraph]
        default: [:]
        }
    }
}

/// Timestamps GDAL would take from the clock, fixed so that two exports of the same database
/// are byte-identical (GeoPackage's gpkg_contents.last_change, layer_styles.update_time).
enum Reproducible {
    static let timestamp = "2000-01-01T00:00:00.000Z"
}
