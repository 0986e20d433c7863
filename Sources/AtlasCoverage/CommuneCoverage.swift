import AtlasModel

/// Coverage of one commune for every category.
public struct CommuneCoverage: Sendable {
    public var code: String
    public var districtCode: String?
    /// True when the commune has no villages and its centroid stood in for one (SPEC §2).
    public var usesCentroid: Bool
    public var tallies: [WorkCategory: CoverageTally]
    /// Works assigned to the commune per category, any status.
    public var workCounts: [WorkCategory: Int]
    /// Villages (or the centroid stand-in) counted, and how many are served per category.
    public var villageCount: Int
    public var servedVillages: [WorkCategory: Int]

    public func ratio(_ category: WorkCategory) -> Double? { tallies[category]?.ratio }
}

/// The result of one coverage run, communes sorted by code.
public struct CoverageReport: Sendable {
    public var communes: [CommuneCoverage]
    public var rules: CoverageRules
    public var asOf: CalendarDate?
    public var statsYear: Int?
    /// Villages without a location: only `villages_served` can serve them, so they are reported.
    public var villagesWithoutLocation: Int
}
