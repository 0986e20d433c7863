import AtlasModel

/// A report's period, both ends included: an event dated `from` or `to` is in it. Its start is
/// the day before `from`, so "at the start" means the situation the period began with (for
/// 2016–2020: the end of 2015 and the 2015 statistics).
public struct ReportPeriod: Sendable, Equatable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) throws {
        guard from <= to else { throw ReportError.period("--from \(from) is after --to \(to)") }
        self.from = from
        self.to = to
    }

    public func contains(_ date: CalendarDate?) -> Bool {
        guard let date else { return false }
        return from <= date && date <= to
    }

    public var startDay: CalendarDate { from.dayBefore }
    public var startYear: Int { startDay.year }
    public var endYear: Int { to.year }
    public var description: String { "\(from) – \(to)" }
}

/// What the rows of a report are.
public enum ReportGrouping: String, Sendable, CaseIterable {
    case province, district, commune, programme, source

    /// Groupings by place; coverage and poverty exist only for places, so by programme or
    /// source those tables stay province-wide.
    public var isPlace: Bool { self == .province || self == .district || self == .commune }
}
