import AtlasGDAL
import AtlasModel
import Foundation

extension Importer {
    /// The format `--format` names, else the one the extension names (no extension: GeoJSON).
    static func worksFormat(_ file: URL, options: WorkFileOptions) throws -> VectorFormat {
        try fileFormat(file, named: options.format, what: "works", accepted: VectorFormat.allCases)
    }

    /// The format `named` (from `--format`), else the one the extension names, among `accepted`;
    /// a file without an extension is `unnamed` (SPEC §5's own format for the kind).
    static func fileFormat(
        _ file: URL, named: String?, what: String, accepted: [VectorFormat], unnamed: VectorFormat = .geojson
    ) throws(ImportFailure) -> VectorFormat {
        let names = accepted.map(\.rawValue)
        if let named {
            if let format = VectorFormat(rawValue: named.lowercased()), accepted.contains(format) { return format }
            throw ImportFailure(
                file: file.path,
                problems: [
                    ImportProblem(
                        location: "file", field: "--format", value: named,
                        reason: "not a format \(what) are read from; use one of \(names.joined(separator: ", "))")
                ])
        }
        let ext = file.pathExtension.lowercased()
        if ext.isEmpty { return unnamed }
        if ext == "geojsonl" || ext == "geojsons" { return .geojson }
        if let format = VectorFormat.fromExtension(ext), accepted.contains(format) { return format }
        throw ImportFailure(
            file: file.path,
            problems: [
                ImportProblem(
                    location: "file", field: "-", value: ".\(ext)",
                    reason:
                        "\(what) are read from \(names.map { ".\($0)" }.joined(separator: ", ")); this file is none of these by its extension (say which with --format)"
                )
            ])
    }

    /// A workbook sheet or GIS layer read through GDAL.
    func gdalTable(_ file: URL, format: VectorFormat, options: WorkFileOptions, srid: Int32) throws -> OfficeTable {
        let mapping = try options.columnMapping()
        let (table, messages): (OfficeTable, [GDALMessage])
        do {
            (table, messages) = try VectorDataset.read(
                path: file.path, format: format, singleByteText: options.tcvn3
            ) { dataset in
                format.isWorkbook
                    ? try OfficeTable.workbook(dataset, sheet: options.sheet, mapped: mapping)
                    : try OfficeTable.layer(dataset, named: options.sheet, srid: srid)
            }
        } catch let error as GDALError {
            let said = error.messages.map(\.text).joined(separator: "; ")
            throw ImportFailure(file: file.path, problems: [.file("\(error.operation) failed: \(said)")])
        }
        var noted = table
        for message in messages { noted.notes.append("GDAL: \(message.text)") }
        return noted
    }

    /// A CSV in whichever dialect it was saved: plain RFC 4180 with SPEC §5 headers takes the
    /// strict path; anything else (`;`, UTF-16, Vietnamese headers, Kobo columns) the office one.
    func csvWorks(_ file: URL, options: WorkFileOptions, log: inout ProblemLog) throws -> [WorkDraft] {
        guard let (dialect, bytes) = CSVDialect.detect(try readInput(file)) else {
            throw ImportFailure(file: file.path, problems: [.file("starts with a UTF-16 byte order mark but is not UTF-16")])
        }
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes, separator: dialect.separator)
        } catch let error as CSVTable.ParseError {
            throw ImportFailure(file: file.path, problems: [.file(error.description)])
        }
        if dialect.isPlain && options.isPlain && table.header.allSatisfy(Self.isSpecHeader) {
            return try csvDrafts(table, log: &log)
        }
        var office = OfficeTable(
            headers: table.header,
            rows: table.records.map { record in
                OfficeTable.Row(
                    location: "line \(record.line)",
                    cells: (0..<max(table.header.count, record.fields.count)).map { i in
                        i < record.fields.count ? .string(record.fields[i]) : .null
                    })
            }, headerLocation: "line 1")
        office.notes.append(dialect.description)
        for record in table.records where record.fields.count != table.header.count {
            log.add(
                "line \(record.line)", "-", "\(record.fields.count) fields",
                "the header has \(table.header.count) columns but this row has \(record.fields.count) fields")
        }
        return try officeDrafts(office, options: options, mapping: try options.columnMapping(), log: &log)
    }

    /// A header the strict CSV reader knows by that very name (or one it warns of as unknown).
    static func isSpecHeader(_ header: String) -> Bool {
        switch WorkColumns.column(forHeader: header) {
        case nil: true
        case .field(let field)?: field == header
        case .lon?: header == "lon"
        case .lat?: header == "lat"
        case .wkt?: header == "wkt"
        default: false
        }
    }
}
