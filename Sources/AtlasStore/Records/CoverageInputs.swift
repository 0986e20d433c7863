import AtlasModel

/// Everything the coverage engine reads, in metric coordinates, loaded in one read transaction.
public struct CoverageInputs: Sendable {
    public struct Commune: Sendable {
        public var code: String
        public var districtCode: String?
        public var metricGeometry: Geometry
        /// Households of the statistics year, used when the commune has no villages.
        public var statsHouseholds: Int?
    }

    public struct Village: Sendable {
        public var code: String
        public var communeCode: String
        public var metricLocation: Position?
        public var households: Int?
    }

    public struct Work: Sendable {
        public var id: String
        public var category: WorkCategory
        public var status: WorkStatus
        public var surface: RoadSurface?
        public var exactness: Exactness
        public var completedOn: CalendarDate?
        public var metricGeometry: Geometry
        public var villagesServed: [String]
    }

    public var communes: [Commune]
    public var villages: [Village]
    /// Works in a serving status only (the others never serve).
    public var works: [Work]
    /// Works per commune and category, any status (by the derived commune).
    public var workCounts: [String: [WorkCategory: Int]]
    public var statsYear: Int?
}
