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
        case invalidUTF8(line: Int)
        case controlCharacter(line: Int, byte: UInt8)
        case duplicateColumn(String)

        var description: String {
            switch self {
            case .empty: "the file is empty (a header row is required)"
            case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
            case .invalidUTF8(let line):
                "line \(line): not valid UTF-8 (save the file as UTF-8, e.g. \"CSV UTF-8\" in Excel)"
            case .controlCharacter(let line, let byte):
                "line \(line): control character U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4)) is not allowed in a CSV file"
            case .duplicateColumn(let name): "line 1: column \"\(name)\" appears twice"
            }
        }
    }

    /// Parses RFC 4180 CSV in UTF-8 (a BOM is skipped; lines end in CRLF, LF or a lone CR).
    /// Control characters other than tab are refused: they are invisible in a spreadsheet and
    /// would make ids that no URL can name.
    /// `separator` is `,` unless a dialect says otherwise (`;`, tab).
    init(bytes: [UInt8], separator: UInt8 = 0x2C) throws {
        if let line = Self.firstInvalidUTF8Line(bytes) { throw ParseError.invalidUTF8(line: line) }
        var rows: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            let isLineEnd = c == 0x0A || c == 0x0D
            if c == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }  // CRLF is one line end
            if (c < 0x20 && c != 0x09 && !isLineEnd) || c == 0x7F {
                throw ParseError.controlCharacter(line: line, byte: c)
            }
            if inQuotes {
                if c == 0x22 {
                    if i < bytes.count, bytes[i] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else if isLineEnd {
                    field.append(0x0A)
                    line += 1
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case separator: endField()
            case 0x22 where field.isEmpty: inQuotes = true
            case 0x0A, 0x0D:
                endRecord()
                line += 1
                recordLine = line
            default: field.append(c)
            }
        }
        if inQuotes { throw ParseError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let headerRecord = rows.first else { throw ParseError.empty }
        header = headerRecord.fields.map { $0.trimmedASCIISpaces }
        records = Array(rows.dropFirst())
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if index[name] != nil { throw ParseError.duplicateColumn(name) }
            index[name] = i
        }
        columnIndex = index
        if let c1 = Self.firstC1Control(records) { throw ParseError.controlCharacter(line: c1.line, byte: c1.byte) }
    }

    /// The line of the first byte that is not UTF-8, or nil when all of it is.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var previousWasCR = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let byte = encoded.count == 1 ? encoded.first : nil
                if byte == 0x0D || (byte == 0x0A && !previousWasCR) { line += 1 }
                previousWasCR = byte == 0x0D
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// C1 controls (U+0080–U+009F) are two bytes in UTF-8, so they are looked for in the fields.
    private static func firstC1Control(_ records: [Record]) -> (line: Int, byte: UInt8)? {
        for record in records {
            for field in record.fields {
                if let scalar = field.unicodeScalars.first(where: { (0x80...0x9F).contains($0.value) }) {
                    return (record.line, UInt8(scalar.value))
                }
            }
        }
        return nil
    }

    func column(_ name: String) -> Int? { columnIndex[name] }

    /// The value of a column in a record, trimmed; nil when the column is absent or the cell empty.
    func value(_ record: Record, _ column: Int?) -> String? {
        guard let column, column < record.fields.count else { return nil }
        let v = record.fields[column].trimmedASCIISpaces
        return v.isEmpty ? nil : v
    }

    /// Problems with the shape: missing required columns are errors, unknown ones warnings,
    /// and every row must have as many fields as the header has columns.
    func checkColumns(required: [String], optional: [String], log: inout ProblemLog) {
        if records.isEmpty { log.add("line 2", "-", "", "no rows after the header: nothing to import") }
        for record in records where record.fields.count != header.count {
            log.add(
                "line \(record.line)", "-", "\(record.fields.count) fields",
                "the header has \(header.count) columns but this row has \(record.fields.count) fields (a missing or extra comma?)"
            )
        }
        for name in required where columnIndex[name] == nil {
            log.add(
                "line 1", name, "",
                "required column \"\(name)\" is missing (columns: \(header.joined(separator: ", ")))")
        }
        let known = Set(required + optional)
        for name in header where !known.contains(name) && !name.isEmpty {
            log.warn("unknown column \"\(name)\" ignored")
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
