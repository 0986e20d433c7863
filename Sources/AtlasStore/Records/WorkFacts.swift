import AtlasModel

/// What a period report needs of one work: its place on the units seen, dates, status history,
/// funding lines and maintenance events.
public struct WorkFacts: Sendable {
    public var id: String
    public var programme: Programme
    public var category: WorkCategory
    public var status: WorkStatus
    public var communeCode: String?
    public var districtCode: String?
    public var approvedOn: CalendarDate?
    public var startedOn: CalendarDate?
    public var completedOn: CalendarDate?
    /// The registration first (`from` nil), then each change in the order recorded.
    public var history: [StatusChange]
    public var funding: [FundingLine]
    public var maintenance: [MaintenanceFact]
}

public struct MaintenanceFact: Sendable, Equatable {
    public var on: CalendarDate
    public var costVND: Int64
}
