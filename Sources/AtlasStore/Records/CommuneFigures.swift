import AtlasModel

/// Metres of built road inside one commune, by surface (SPEC §2). A road crossing communes is
/// cut at the boundary, so each commune counts only its own part.
public struct RoadLengths: Sendable, Equatable {
    public var bySurface: [RoadSurface: Double] = [:]
    /// Roads recorded without a surface.
    public var unknownSurface: Double = 0

    public init(bySurface: [RoadSurface: Double] = [:], unknownSurface: Double = 0) {
        self.bySurface = bySurface
        self.unknownSurface = unknownSurface
    }

    public var total: Double { bySurface.values.reduce(0, +) + unknownSurface }
    public var hardened: Double { bySurface.filter(\.key.isHardened).values.reduce(0, +) }
    /// Hardened (asphalt + concrete) over all road length, the form of the new-rural criterion;
    /// nil when the commune has no built road.
    public var hardenedShare: Double? { total > 0 ? hardened / total : nil }
}

/// Planned and disbursed đồng of one group of funding.
public struct PlannedAndDisbursed: Sendable, Equatable {
    public var planned: Int64
    public var disbursed: Int64

    public init(planned: Int64 = 0, disbursed: Int64 = 0) {
        self.planned = planned
        self.disbursed = disbursed
    }

    /// The sum, or nil when a total does not fit in `Int64`.
    public func adding(_ other: PlannedAndDisbursed) -> PlannedAndDisbursed? {
        guard let p = Money.sum([planned, other.planned]), let d = Money.sum([disbursed, other.disbursed]) else {
            return nil
        }
        return PlannedAndDisbursed(planned: p, disbursed: d)
    }
}

/// Investment in one commune split by programme and by funding source; a funding line without
/// a source is kept under nil.
public struct InvestmentSplit: Sendable, Equatable {
    public var byProgramme: [Programme: PlannedAndDisbursed] = [:]
    public var bySource: [FundingSource?: PlannedAndDisbursed] = [:]

    public init(byProgramme: [Programme: PlannedAndDisbursed] = [:], bySource: [FundingSource?: PlannedAndDisbursed] = [:]) {
        self.byProgramme = byProgramme
        self.bySource = bySource
    }
}
