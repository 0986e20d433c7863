import AtlasModel
import Foundation

/// An RFC 4180 CSV file read whole: a header and records that know the line they start on
/// (the header is line 1), so problems can say where they are.
struct CSVTable {
    struct Record {
        let line: Int
        let fields: [String]
    }

    let header: [String]
    let records: [Record]
    private let columnIndex: [String: Int]

    enum ParseError: Error, CustomStringConvertible {
        case empty
        case unterminatedQuote(line: Int)
        case invalidUTF8
        case duplicateColumn(String)

        var description: String {
            switch self {
            case .empty: "the file is empty (a header row is required)"
            case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
            case .invalidUTF8: "the file is not valid UTF-8"
            case .duplicateColumn(let name): "line 1: column \"\(name)\" appears twice"
            }
        }
    }

    init(data: Data) throws {
        guard let text = String(data: data, encoding: .utf8) else { throw ParseError.invalidUTF8 }
        var rows: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var sawAnything = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func nextScalar() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        if let first = iterator.next(), first != "\u{FEFF}" { pending = first }  // skip a BOM
        while let c = nextScalar() {
            sawAnything = true
            if inQuotes {
                if c == "\"" {
                    if let n = nextScalar() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
            case "\"" where field.isEmpty:
                inQuotes = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw ParseError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard sawAnything, let headerRecord = rows.first else { throw ParseError.empty }
        header = headerRecord.fields.map { $0.trimmedASCIISpaces }
        records = Array(rows.dropFirst())
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if index[name] != nil { throw ParseError.duplicateColumn(name) }
            index[name] = i
        }
        columnIndex = index
    }

    func column(_ name: String) -> Int? { columnIndex[name] }

    /// The value of a column in a record, trimmed; nil when the column is absent or the cell empty.
    func value(_ record: Record, _ column: Int?) -> String? {
        guard let column, column < record.fields.count else { return nil }
        let v = record.fields[column].trimmedASCIISpaces
        return v.isEmpty ? nil : v
    }

    /// Problems with the header: missing required columns are errors, unknown ones warnings.
    func checkColumns(required: [String], optional: [String], log: inout ProblemLog) {
        for name in required where columnIndex[name] == nil {
            log.add("line 1", name, "", "required column \"\(name)\" is missing (columns: \(header.joined(separator: ", ")))")
        }
        let known = Set(required + optional)
        for name in header where !known.contains(name) && !name.isEmpty {
            log.warn("unknown column \"\(name)\" ignored")
        }
    }
}
