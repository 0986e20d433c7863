import AtlasModel

/// Plain text tables (columns padded to their widest cell) and RFC 4180 CSV.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 CSV, safe to open in a spreadsheet: a text cell that starts with = + - @ tab or CR
/// would run as a formula in Excel or LibreOffice (OWASP "CSV injection"), so it is written
/// with a leading apostrophe, which spreadsheets show as text. Plain numbers stay numbers.
enum CSVText {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func escape(_ cell: String) -> String {
        var cell = cell
        if let first = cell.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(cell) {
            cell = "'" + cell
        }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isPlainNumber(_ cell: String) -> Bool {
        NumberText.decimal(cell) != nil
    }
}

enum Money {
    /// 1234567 → "1,234,567 đ".
    static func format(_ vnd: Int64) -> String {
        let digits = String(vnd.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (vnd < 0 ? "-" : "") + out + " đ"
    }
}
