import AtlasModel

/// Where a batch of rows came from: kept in the database so every output can carry the
/// attribution and the notices ("sample data", "schematic boundaries") of its inputs.
public struct DataSource: Hashable, Sendable {
    public var kind: String
    public var file: String
    public var attribution: String?
    public var notice: String?

    public init(kind: String, file: String, attribution: String? = nil, notice: String? = nil) {
        self.kind = kind
        self.file = file
        self.attribution = attribution
        self.notice = notice
    }
}

/// An administrative unit ready to store: its WGS84 geometry plus the metric copy.
public struct UnitRow: Sendable {
    public var unit: AdminUnit
    public var metricGeometry: Geometry

    public init(unit: AdminUnit, metricGeometry: Geometry) {
        self.unit = unit
        self.metricGeometry = metricGeometry
    }
}

public struct VillageRow: Sendable {
    public var village: Village
    public var metricLocation: Position?

    public init(village: Village, metricLocation: Position?) {
        self.village = village
        self.metricLocation = metricLocation
    }
}

/// A validated work with what was derived from its geometry.
public struct WorkRow: Sendable {
    public var work: Work
    public var metricGeometry: Geometry
    /// The commune derived from the geometry (nil outside every commune).
    public var communeCode: String?
    /// Length on the ground for lines, in metres.
    public var lengthM: Double?

    public init(work: Work, metricGeometry: Geometry, communeCode: String?, lengthM: Double?) {
        self.work = work
        self.metricGeometry = metricGeometry
        self.communeCode = communeCode
        self.lengthM = lengthM
    }
}

/// One recorded status change of a work.
public struct StatusChange: Hashable, Sendable {
    public var from: WorkStatus?
    public var to: WorkStatus
    public var on: CalendarDate?
    public var recordedAt: String
}
