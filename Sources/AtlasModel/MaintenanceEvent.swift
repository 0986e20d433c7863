/// Upkeep done on a finished work (SPEC §1: an event on the work, not a work of its own): when,
/// what it cost in whole đồng, who paid, and a note.
public struct MaintenanceEvent: Hashable, Sendable {
    public var happenedOn: CalendarDate
    public var costVND: Int64
    public var source: FundingSource?
    public var note: String?

    /// A note longer than this is a pasted document, not a note.
    public static let noteLimit = 1000

    /// Checks the event's own values: a cost within `Money`'s bounds and a note of sane length.
    public init(
        happenedOn: CalendarDate, costVND: Int64, source: FundingSource? = nil, note: String? = nil
    )
        throws(ModelError)
    {
        if let why = Money.problem(costVND) {
            throw ModelError.invalid(field: "cost_vnd", value: String(costVND), reason: "cost \(costVND): \(why)")
        }
        let trimmed = note?.trimmedASCIISpaces
        if let trimmed, trimmed.count > Self.noteLimit {
            throw ModelError.invalid(
                field: "note", value: String(trimmed.prefix(40)) + "…",
                reason: "a note is at most \(Self.noteLimit) characters (this one has \(trimmed.count))")
        }
        self.happenedOn = happenedOn
        self.costVND = costVND
        self.source = source
        self.note = trimmed?.isEmpty == true ? nil : trimmed
    }

    /// Why this event cannot be recorded on `work` as of `today`, or nil: only a completed or
    /// handed-over work is maintained, and upkeep falls between its completion and today.
    public func problem(on work: Work, today: CalendarDate) -> ModelError? {
        guard work.status.isServing else {
            return .invalid(
                field: "status", value: work.status.rawValue,
                reason: "status \(work.status.rawValue): only completed or handed_over works are maintained")
        }
        if happenedOn > today {
            return .invalid(
                field: "date", value: happenedOn.description,
                reason: "date \(happenedOn) is in the future (today is \(today))")
        }
        if let completed = work.completedOn, happenedOn < completed {
            return .invalid(
                field: "date", value: happenedOn.description,
                reason: "date \(happenedOn) is before the work was completed (\(completed))")
        }
        return nil
    }
}

/// What the works layer says of a work's maintenance: how many events, their total cost, the
/// latest date. Built the same way from one work's events or from a grouped scan of all.
public struct MaintenanceSummary: Hashable, Sendable {
    public private(set) var count = 0
    public private(set) var totalVND: Int64 = 0
    public private(set) var lastOn: CalendarDate?

    public init() {}

    /// A summary the store grouped itself (count, `sum()` and `max()` of the dates).
    public init(count: Int, totalVND: Int64, lastOn: CalendarDate?) {
        self.count = count
        self.totalVND = totalVND
        self.lastOn = lastOn
    }

    public init<S: Sequence>(_ events: S) throws(ModelError) where S.Element == MaintenanceEvent {
        for event in events { try add(on: event.happenedOn, costVND: event.costVND) }
    }

    /// Counts one event in; throws when the total no longer fits in `Int64`.
    public mutating func add(on day: CalendarDate, costVND: Int64) throws(ModelError) {
        guard let total = Money.sum([totalVND, costVND]) else {
            throw ModelError.invalid(
                field: "maintenance_vnd", value: String(costVND),
                reason: "the maintenance costs sum to more than \(Int64.max) đồng")
        }
        count += 1
        totalVND = total
        if lastOn.map({ day > $0 }) ?? true { lastOn = day }
    }
}
