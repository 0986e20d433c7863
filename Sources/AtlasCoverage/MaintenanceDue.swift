import AtlasModel

/// The `maintenance_due` warning: a handed-over work that nobody has looked after for
/// `years` years before `asOf`. Its completion counts as the start, so a work handed over
/// last year is not yet due.
struct MaintenanceDue {
    static let rule = "maintenance_due"

    let years: Int
    let asOf: CalendarDate
    /// Each work's latest maintenance on or before `asOf`.
    let lastMaintained: [String: CalendarDate]

    /// The day before which the last upkeep makes a work due.
    var cutoff: CalendarDate { asOf.years(before: years) }

    func finding(for work: Work) -> Finding? {
        // Without a completion date there is nothing to count from (`completed_without_date` says so).
        guard work.status == .handedOver, let completed = work.completedOn, completed <= asOf else { return nil }
        let last = lastMaintained[work.id]
        guard max(last ?? completed, completed) < cutoff else { return nil }
        let since = last.map { "last maintained \($0)" } ?? "never maintained since completion on \(completed)"
        return Finding(
            severity: .warning, subject: "work", id: work.id, rule: Self.rule,
            reason:
                "handed over and no maintenance in the \(years == 1 ? "year" : "\(years) years") before \(asOf) (\(since))"
        )
    }
}
