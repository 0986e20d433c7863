import AtlasModel

/// Which works an OGC items request selects; nil means any.
public struct WorkFeatureFilter: Sendable {
    /// WGS84 box the geometry must intersect.
    public var bbox: BoundingBox?
    public var programme: Programme?
    public var category: WorkCategory?
    public var status: WorkStatus?
    public var districtCode: String?
    /// Completion date bounds (inclusive); when either is set, works without a completion date are left out.
    public var completedFrom: CalendarDate?
    public var completedTo: CalendarDate?
    /// True when a `datetime` was given (even an open one): only completed works match.
    public var requiresCompletion = false
    /// 0 points, 1 lines, 2 polygons (ST_Dimension); nil: any geometry.
    public var geometryDimension: Int?

    public init() {}
}

/// Which administrative units an OGC items request selects.
public struct UnitFeatureFilter: Sendable {
    public var kind: UnitKind
    public var bbox: BoundingBox?
    public var parentCode: String?

    public init(kind: UnitKind, bbox: BoundingBox? = nil, parentCode: String? = nil) {
        self.kind = kind
        self.bbox = bbox
        self.parentCode = parentCode
    }
}

/// A unit's identity and WGS84 boundary.
public struct UnitFeature: Sendable {
    public var code: String
    public var name: String
    public var type: String?
    public var parentCode: String?
    public var geometry: Geometry
}

/// A feature query stopped because it ran past its time limit.
public struct QueryTimeLimitExceeded: Error, CustomStringConvertible, Sendable {
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    public var description: String {
        "the query ran longer than \(seconds) s and was stopped; narrow it with bbox or filters, or ask for fewer features"
    }
}
