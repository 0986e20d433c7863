/// One field of a feature as GDAL typed it.
public enum VectorValue: Hashable, Sendable {
    case null
    case string(String)
    case integer(Int64)
    case real(Double)
    /// A calendar day (an Excel date cell, a GeoPackage DATE).
    case date(year: Int, month: Int, day: Int)
    /// A moment; only its day is of use to works.
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double)

    /// The value as a user would read it in the cell.
    public var text: String? {
        switch self {
        case .null: nil
        case .string(let s): s
        case .integer(let i): String(i)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .date(let y, let m, let d): Self.iso(y, m, d)
        case .dateTime(let y, let m, let d, _, _, _): Self.iso(y, m, d)
        }
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
