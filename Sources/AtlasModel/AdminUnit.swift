/// A province, district or commune with its boundary.
public struct AdminUnit: Hashable, Sendable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    /// The official type: Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn …
    public var type: String?
    public var parentCode: String?
    /// WGS84 MultiPolygon or Polygon.
    public var geometry: Geometry
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?

    public init(
        code: String, name: String, kind: UnitKind, type: String?, parentCode: String?, geometry: Geometry,
        validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.type = type
        self.parentCode = parentCode
        self.geometry = geometry
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// A village (thôn, bản): commune code + 3-digit local number.
public struct Village: Hashable, Sendable {
    public var code: String
    public var communeCode: String
    public var name: String
    /// WGS84; nil when the location is not known.
    public var location: Position?
    public var households: Int?

    public init(code: String, communeCode: String, name: String, location: Position?, households: Int?) {
        self.code = code
        self.communeCode = communeCode
        self.name = name
        self.location = location
        self.households = households
    }
}

/// Household counts of one unit in one year.
public struct YearStats: Hashable, Sendable {
    public var year: Int
    public var code: String
    public var households: Int
    public var poorHouseholds: Int
    public var nearPoorHouseholds: Int
    /// How the figure was estimated when part of it came from a divided predecessor (empty:
    /// recorded on this unit, or the sum of whole predecessors).
    public var estimatedBy: Set<StatisticsRollUp.Basis> = []
    /// A date whose units `code` names (nil: the latest units when stored).
    public var unitsOn: CalendarDate?

    public init(year: Int, code: String, households: Int, poorHouseholds: Int, nearPoorHouseholds: Int) {
        self.year = year
        self.code = code
        self.households = households
        self.poorHouseholds = poorHouseholds
        self.nearPoorHouseholds = nearPoorHouseholds
    }

    /// poor / households, nil without households.
    public var povertyRate: Double? {
        households > 0 ? Double(poorHouseholds) / Double(households) : nil
    }
}

/// A programme flag on a unit for one programme period, e.g. `2016-2020`.
public struct Classification: Hashable, Sendable {
    public var period: String
    public var code: String
    public var flag: ClassificationFlag

    public init(period: String, code: String, flag: ClassificationFlag) {
        self.period = period
        self.code = code
        self.flag = flag
    }
}
