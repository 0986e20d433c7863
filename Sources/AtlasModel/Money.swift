/// Money is whole đồng in `Int64`. One funding line may not exceed `ceilingVND` (10^15 đồng,
/// far beyond any province's yearly budget), so a work's at most ten lines stay below 10^16 and
/// the sums of hundreds of such works below `Int64.max` (≈ 9.2 × 10^18). Sums are still
/// checked: a hand-edited database must give an error, never a trap.
public enum Money {
    public static let ceilingVND: Int64 = 1_000_000_000_000_000

    /// Why `amount` is not an acceptable amount of one line, or nil when it is.
    public static func problem(_ amount: Int64) -> String? {
        if amount < 0 { return "money cannot be negative" }
        if amount > ceilingVND { return "more than the ceiling of \(ceilingVND) đồng per line" }
        return nil
    }

    /// The sum, or nil when it does not fit in `Int64`.
    public static func sum<S: Sequence>(_ amounts: S) -> Int64? where S.Element == Int64 {
        var total: Int64 = 0
        for amount in amounts {
            let (next, overflow) = total.addingReportingOverflow(amount)
            if overflow { return nil }
            total = next
        }
        return total
    }

    /// "1.500.000.000", "1,500,000,000", "1 500 000 000 đ" → "1500000000": thousands groups as
    /// people write them, joined. Text that is not unambiguously grouped is given back as written,
    /// so the error that follows shows the user's own value.
    public static func ungrouped(_ text: String) -> String {
        var t = text.trimmedASCIISpaces
        for suffix in ["đồng", "đ", "VND", "vnd", "VNĐ"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmedASCIISpaces
        }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        for separator: Character in [".", ",", " ", "\u{00A0}"] where t.contains(separator) {
            let groups = t.split(separator: separator, omittingEmptySubsequences: false)
            let digits = groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
            if digits, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) {
                return groups.joined()
            }
            return text
        }
        return t
    }

    /// An amount typed by a person: whole đồng, plain or grouped in thousands ("1.500.000"),
    /// within `problem`'s bounds. The error names `field` and the value as given.
    public static func parse(_ text: String, field: String) throws(ModelError) -> Int64 {
        let trimmed = text.trimmedASCIISpaces
        let negative = trimmed.hasPrefix("-")
        let digits = ungrouped(negative ? String(trimmed.dropFirst()) : trimmed)
        guard digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let magnitude = NumberText.integer(digits) else {
            throw ModelError.invalid(
                field: field, value: text,
                reason: "\(field) \(text): expected whole đồng, e.g. 1500000 or 1.500.000")
        }
        let amount = negative ? -magnitude : magnitude
        if let why = problem(amount) {
            throw ModelError.invalid(field: field, value: text, reason: "\(field) \(text): \(why)")
        }
        return amount
    }
}
