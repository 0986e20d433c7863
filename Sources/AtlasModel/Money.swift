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
}
