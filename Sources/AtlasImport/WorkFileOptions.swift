import AtlasGDAL
import AtlasModel
import Foundation

/// How to read a works file beyond its extension: `--format`, `--sheet`, `--columns`, `--defaults`.
public struct WorkFileOptions: Sendable {
    /// xlsx, ods, csv, shp, zip, gpkg, kml, kmz, gpx, fgb or geojson; nil: from the extension.
    public var format: String?
    /// The sheet or layer to read; nil: the first with rows.
    public var sheet: String?
    /// A CSV file `header,field`: the file's own header names and the works field each holds.
    public var columnsFile: URL?
    /// Values for fields the file has no column for (`programme` → `135`).
    public var defaults: [String: String]
    /// The text was typed with the TCVN3 (ABC, .VnTime) fonts: every header and text cell is made Unicode.
    public var tcvn3: Bool

    public init(
        format: String? = nil, sheet: String? = nil, columnsFile: URL? = nil, defaults: [String: String] = [:],
        tcvn3: Bool = false
    ) {
        self.format = format
        self.sheet = sheet
        self.columnsFile = columnsFile
        self.defaults = defaults
        self.tcvn3 = tcvn3
    }

    /// The encodings `--encoding` names: the file's own (UTF-8, or what a .cpg says) or TCVN3.
    public static let encodingNames = ["utf8", "tcvn3"]

    public static let formatNames = VectorFormat.allCases.map(\.rawValue)

    /// Whether any option asks for more than the plain SPEC §5 reading.
    var isPlain: Bool { sheet == nil && columnsFile == nil && defaults.isEmpty && !tcvn3 }

    /// `programme=135,category=road` → ["programme": "135", "category": "road"]; nil when malformed.
    public static func parseDefaults(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmedASCIISpaces }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            result[parts[0]] = parts[1]
        }
        return result.isEmpty ? nil : result
    }

    /// The user's `--columns` file read as keys of header names → columns, every bad line a problem.
    func columnMapping() throws -> [String: WorkColumn] {
        guard let columnsFile else { return [:] }
        var log = ProblemLog(file: columnsFile.path)
        let table = try parseCSV(columnsFile)
        guard table.header == ["header", "field"] else {
            throw ImportFailure(
                file: columnsFile.path,
                problems: [
                    ImportProblem(
                        location: "line 1", field: "-", value: table.header.joined(separator: ","),
                        reason: "a columns file starts with the line \"header,field\"")
                ])
        }
        var mapping: [String: WorkColumn] = [:]
        for record in table.records {
            guard let header = table.value(record, 0), let field = table.value(record, 1) else {
                log.add("line \(record.line)", "-", "", "each line names a header and a field")
                continue
            }
            guard let column = Self.column(named: field) else {
                log.add(
                    "line \(record.line)", "field", field,
                    "not a works field (e.g. id, name, programme, lon, lat, x, y, wkt, geopoint, or - to ignore the column)")
                continue
            }
            mapping[WorkColumns.key(header)] = column
        }
        try log.finish()
        return mapping
    }

    /// A column named in a columns file or `--defaults`.
    static func column(named name: String) -> WorkColumn? {
        switch name {
        case "-": .ignored
        case "lon": .lon
        case "lat": .lat
        case "x": .x
        case "y": .y
        case "wkt": .wkt
        case "geopoint": .geopoint
        case let field where WorkFieldParser.knownFields.contains(field): .field(field)
        default: nil
        }
    }
}
