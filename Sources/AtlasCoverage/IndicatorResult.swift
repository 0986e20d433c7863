/// Where an indicator stands against its target (SPEC §3).
public enum TargetStatus: String, Sendable, CaseIterable {
    case met
    case onTrack = "on_track"
    case behind
    case noData = "no_data"
}

/// One indicator for one scope (the province, a district, or a group of communes).
public struct IndicatorResult: Sendable {
    public var id: String
    public var indicator: String
    /// "province", a district code, or "difficult_135".
    public var scope: String
    public var scopeName: String
    public var value: Double?
    public var unit: String
    public var band: String
    public var status: TargetStatus
    /// The numbers behind the value, or what data is missing.
    public var basis: String
}

/// A target band and how to judge a value against it.
struct TargetBand {
    let text: String
    let isMet: (Double) -> Bool

    static func atLeast(_ v: Double, _ text: String) -> TargetBand { TargetBand(text: text) { $0 >= v } }
    static func atMost(_ v: Double, _ text: String) -> TargetBand { TargetBand(text: text) { $0 <= v } }

    /// met when the value is in the band; on_track when the straight line from the baseline
    /// through the value reaches the band by the target year; else behind.
    func status(value: Double, baseline: Double?, year: Int, baselineYear: Int, targetYear: Int) -> TargetStatus {
        if isMet(value) { return .met }
        guard year < targetYear, let baseline, year > baselineYear else { return .behind }
        let projected = baseline + (value - baseline) / Double(year - baselineYear) * Double(targetYear - baselineYear)
        return isMet(projected) ? .onTrack : .behind
    }
}
