import Foundation
import AtlasGDAL
import AtlasModel

/// Cell values of office files rewritten into the forms the works fields read (SPEC §5): only
/// when the form is unambiguous; anything else is passed on as written, so the error that
/// follows shows the user's own value.
enum OfficeCellText {
    /// "1.500.000.000", "1,500,000,000", "1 500 000 000 đ" → "1500000000" (`Money.ungrouped`).
    static func money(_ text: String) -> String { Money.ungrouped(text) }

    /// "21,95" (a decimal comma) → "21.95"; "1.234,5" → "1234.5".
    static func decimal(_ text: String) -> String {
        let t = text.trimmedASCIISpaces
        guard let comma = t.lastIndex(of: ",") else { return t }
        let before = t[..<comma], after = t[t.index(after: comma)...]
        guard !after.contains(","), !after.contains(".") else { return t }
        return before.replacingOccurrences(of: ".", with: "") + "." + after
    }

    /// A day as ISO YYYY-MM-DD from "15/03/2019" (Vietnam writes day first), "2019/03/15"
    /// (how GDAL gives a date cell as text), "2019-03-15 00:00:00", or an Excel serial number.
    static func date(_ text: String) -> String {
        let t = text.trimmedASCIISpaces
        let day = t.split(separator: " ").first.map(String.init) ?? t
        if let serial = Int(day), (1...109_574).contains(serial) { return excelSerial(serial) ?? t }
        // A date-time serial's fraction is the time of day.
        if let serial = Double(day), serial > 1, serial < 109_575 {
            return excelSerial(Int(serial)) ?? t
        }
        let parts = day.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return t }
        if parts[0].count == 4 { return VectorValueText.iso(a, b, c) }
        if parts[2].count == 4 { return VectorValueText.iso(c, b, a) }
        return t
    }

    /// Excel's day count from 1899-12-30 (the 1900 system, leap-year bug included for days > 60).
    static func excelSerial(_ serial: Int) -> String? {
        // Days from 1970-01-01, then Hinnant's civil-from-days.
        let z = serial - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return VectorValueText.iso(y, m, d)
    }
}

enum VectorValueText {
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
