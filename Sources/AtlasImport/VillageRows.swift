import AtlasGDAL
import AtlasModel
import AtlasStore
import Foundation

/// The villages of a file as text cells under SPEC §5's column names, each row with where the
/// user's tool shows it: a CSV line, a workbook row, or a GIS feature whose point is the location.
struct VillageRows {
    struct Row {
        let location: String
        let values: [String: String]
        /// A GIS feature's point, in ``VillageRows/srid``; rows of a table give lon/lat cells instead.
        var point: Position? = nil
        var geometryProblem: String? = nil

        subscript(_ field: String) -> String? { values[field] }
    }

    var rows: [Row] = []
    /// The coordinate system of the points or lon/lat cells: the file's own, else `--srid`.
    var srid: Int32

    static let required = ["code", "commune_code", "name"]
    static let optional = ["lon", "lat", "households"]
    /// CSV as SPEC §5 has it, the commune's workbook, and a GIS layer of village points.
    static let formats: [VectorFormat] = [.csv, .xlsx, .ods, .shp, .zip, .gpkg, .fgb, .kml, .kmz, .geojson]

    static func read(
        _ file: URL, format name: String?, sheet: String?, srid: Int32, log: inout ProblemLog
    ) throws -> VillageRows {
        let format = try Importer.fileFormat(file, named: name, what: "villages", accepted: formats, unnamed: .csv)
        if format == .csv { return try csv(file, srid: srid, log: &log) }
        let table: OfficeTable
        let messages: [GDALMessage]
        do {
            (table, messages) = try VectorDataset.read(path: file.path, format: format) { dataset in
                format.isWorkbook
                    ? try OfficeTable.workbook(
                        dataset, sheet: sheet, example: "code, commune_code, name or Mã thôn, Mã xã, Tên thôn"
                    ) { VillageColumns.field(forHeader: $0) != nil }
                    : try OfficeTable.layer(
                        dataset, named: sheet, srid: srid, what: "villages",
                        withoutGeometry: "a village in a GIS layer needs its point")
            }
        } catch let error as GDALError {
            let said = error.messages.map(\.text).joined(separator: "; ")
            throw ImportFailure(file: file.path, problems: [.file("\(error.operation) failed: \(said)")])
        }
        for note in table.notes { log.note(note) }
        for message in messages { log.note("GDAL: \(message.text)") }
        return office(table, srid: table.srid ?? srid, log: &log)
    }

    /// SPEC §5's CSV, read strictly: the header names the columns exactly.
    private static func csv(_ file: URL, srid: Int32, log: inout ProblemLog) throws -> VillageRows {
        let table = try parseCSV(file)
        table.checkColumns(required: required, optional: optional, log: &log)
        let columns = (required + optional).compactMap { name in table.column(name).map { (name, $0) } }
        var result = VillageRows(srid: srid)
        for record in table.records {
            var values: [String: String] = [:]
            for (name, column) in columns { values[name] = table.value(record, column) }
            result.rows.append(Row(location: "line \(record.line)", values: values))
        }
        return result
    }

    /// A sheet or layer: headers in English or Vietnamese, codes whose zeros a number cell lost
    /// given back, a feature's point as its location.
    private static func office(_ table: OfficeTable, srid: Int32, log: inout ProblemLog) -> VillageRows {
        let fields = table.headers.map { VillageColumns.field(forHeader: $0) }
        for name in required where !fields.contains(name) {
            log.add(
                table.headerLocation, name, "",
                "required column \"\(name)\" is missing (columns: \(table.headers.joined(separator: ", ")))")
        }
        for (header, field) in zip(table.headers, fields) where field == nil && !header.isEmpty {
            // A row number ("STT") or a field of the format itself (KML's `description`) is no news.
            let quiet = table.formatFields.contains(WorkColumns.key(header))
                || WorkColumns.column(forHeader: header) == .ignored
            if !quiet { log.warn("unknown column \"\(header)\" ignored") }
        }
        var result = VillageRows(srid: srid)
        var padded = false
        for row in table.rows where !row.cells.allSatisfy(\.isBlank) || row.geometry != nil {
            var values: [String: String] = [:]
            for (field, cell) in zip(fields, row.cells) {
                guard let field, values[field] == nil, let text = cell.text?.trimmedASCIISpaces, !text.isEmpty else {
                    continue
                }
                let width = field == "code" ? UnitKind.village.codeDigits : field == "commune_code" ? UnitKind.commune.codeDigits : nil
                if let width, text.count < width, text.allSatisfy(\.isASCIIDigit) {
                    values[field] = String(repeating: "0", count: width - text.count) + text
                    padded = true
                } else {
                    values[field] = field == "lon" || field == "lat" ? OfficeCellText.decimal(text) : text
                }
            }
            var village = Row(location: row.location, values: values)
            if table.hasGeometry {
                switch row.geometry {
                case .point(let position)?: village.point = position
                case let other?: village.geometryProblem = "a village is a Point, not a \(other.typeName)"
                case nil: village.geometryProblem = row.geometryProblem
                }
            }
            result.rows.append(village)
        }
        if padded { log.note("codes written as numbers: leading zeros given back (village 8 digits, commune 5)") }
        return result
    }
}
