import AtlasModel

/// What the commune map shows for one commune in one year (SPEC §4 "Commune map").
public struct CommuneSummary: Sendable {
    public var code: String
    public var name: String
    public var type: String?
    public var districtCode: String?
    public var districtName: String?
    /// WGS84 boundary.
    public var geometry: Geometry
    /// Flags of the commune itself, plus `poor_30a` inherited from its district.
    public var flags: Set<ClassificationFlag>
    public var stats: YearStats?
    public var worksByCategory: [WorkCategory: Int]
    public var worksByStatus: [WorkStatus: Int]
    public var plannedVND: Int64
    public var disbursedVND: Int64
    public var roads: RoadLengths = RoadLengths()
    public var investment: InvestmentSplit = InvestmentSplit()
}
