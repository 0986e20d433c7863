import AtlasCoverage
import AtlasModel
import AtlasStore

/// Everything a period report is computed from, read once from the store (one computation for
/// every format).
public struct PeriodReportInputs: Sendable {
    public var period: ReportPeriod
    public var grouping: ReportGrouping
    /// The date whose units the report is on.
    public var unitsDay: CalendarDate
    public var works: [WorkFacts]
    /// Communes with the statistics of the year before the period and of its last year.
    public var communesAtStart: [CommuneSummary]
    public var communesAtEnd: [CommuneSummary]
    public var coverageAtStart: CoverageReport
    public var coverageAtEnd: CoverageReport
    /// Built road metres per commune by surface, at the start and at the end.
    public var roadsAtStart: [String: RoadLengths]
    public var roadsAtEnd: [String: RoadLengths]
    public var plan: BudgetPlan?
    public var attributions: [String]
    public var notices: [String]

    /// Reads the inputs from `store` (already on the units wanted).
    public static func read(
        from store: any AtlasDataStore, period: ReportPeriod, grouping: ReportGrouping, unitsDay: CalendarDate,
        rules: CoverageRules, plan: BudgetPlan?
    ) throws -> PeriodReportInputs {
        let engine = CoverageEngine(rules: rules)
        let provenance = try store.provenance()
        return PeriodReportInputs(
            period: period, grouping: grouping, unitsDay: unitsDay, works: try store.workFacts(),
            communesAtStart: try store.communeSummaries(year: period.startYear),
            communesAtEnd: try store.communeSummaries(year: period.endYear),
            coverageAtStart: try engine.run(on: store, asOf: period.startDay, statsYear: period.startYear),
            coverageAtEnd: try engine.run(on: store, asOf: period.to, statsYear: period.endYear),
            roadsAtStart: try store.roadLengths(builtBy: period.startDay), roadsAtEnd: try store.roadLengths(builtBy: period.to),
            plan: plan,
            attributions: provenance.attributions, notices: provenance.notices)
    }
}
