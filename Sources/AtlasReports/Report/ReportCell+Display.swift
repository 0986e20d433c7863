import AtlasModel

extension ReportCell {
    /// The cell as people read it: Vietnamese "1.234.567" and "12,34 %", English "1,234,567"
    /// and "12.34 %"; đồng in full, never rounded to millions.
    public func display(_ kind: ReportColumn.Kind, _ language: ReportLanguage) -> String {
        let (group, decimal) = language == .vi ? (".", ",") : (",", ".")
        func grouped(_ n: Int64) -> String {
            let digits = String(n.magnitude)
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out += group }
                out.append(ch)
            }
            return (n < 0 ? "-" : "") + out
        }
        func fixed(_ x: Double, _ places: Int) -> String {
            Self.fixed(x, places).replacingOccurrences(of: ".", with: decimal)
        }
        switch (self, kind) {
        case (.text(let s), _): return s
        case (.empty, _): return ""
        case (.integer(let n), _): return grouped(n)
        case (.decimal(let x), .share): return fixed(x * 100, 2) + " %"
        case (.decimal(let x), .points): return (x > 0 ? "+" : "") + fixed(x, 2)
        case (.decimal(let x), _): return fixed(x, 2)
        }
    }
}
