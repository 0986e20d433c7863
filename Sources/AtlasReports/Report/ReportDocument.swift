import AtlasModel

/// A report as tables of typed cells, written the same way to a terminal, CSV, a workbook and a
/// PDF: every format reads these cells, so the numbers agree to the đồng.
public struct ReportDocument: Sendable {
    public var title: Label
    public var subtitle: Label
    public var tables: [ReportTable]
    /// Sentences every format prints under the tables (rules used, sample-data notices).
    public var notes: [Label]
    /// The data's own notices (sample figures, schematic boundaries), printed after the notes;
    /// the PDF prints them in red, as the maps do.
    public var notices: [String]
    public var attributions: [String]
}

public struct ReportTable: Sendable {
    /// Short machine name: the CSV's `table` column, and the base of the sheet name.
    public var key: String
    public var title: Label
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// The totals row (same columns), or nil when a total would mean nothing.
    public var totals: [ReportCell]?
}

public struct ReportColumn: Sendable {
    public enum Kind: Sendable { case text, count, vnd, share, points }
    public var key: String
    public var heading: Label
    public var kind: Kind

    public init(_ key: String, _ heading: Label, _ kind: Kind) {
        self.key = key
        self.heading = heading
        self.kind = kind
    }
}

/// One cell. Money and counts are integers (đồng are never rounded); shares are fractions
/// (0.25 for 25 %), points are percentage points.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case decimal(Double)
    case empty

    /// The cell as a CSV or terminal writes it: integers in full, decimals to 4 places.
    public var plainText: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .decimal(let x): Self.fixed(x, 4)
        case .empty: ""
        }
    }

    static func fixed(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int64(scaled / scale), fraction = Int64(scaled) % Int64(scale)
        let digits = String(fraction)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }
}

/// The language of headings and labels; codes and numbers do not change.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case vi, en

    public func pick(_ label: Label) -> String { self == .vi ? label.vi : label.en }
}
