import AtlasModel
import AtlasStore

/// The commune-level target fields of the commune map: the poverty-rate change per year since the
/// baseline year against P1 (≥ 4 points a year in poor districts and 135 communes, else ≥ 3).
public struct CommuneTargetFields: Sendable {
    public var baselineYear: Int
    public var baselineRate: Double?
    public var changePerYear: Double?
    public var target: Double
    public var status: TargetStatus

    /// Fields per commune code for `year`.
    public static func compute(
        stats: [YearStats], classifications: [Classification], communes: [UnitSummary], year: Int
    ) -> [String: CommuneTargetFields] {
        let baselineYear = stats.map(\.year).min() ?? year
        var byKey: [String: YearStats] = [:]
        for s in stats where s.year == year || s.year == baselineYear { byKey["\(s.year)/\(s.code)"] = s }
        let eligibility = Eligibility(classifications: classifications)
        let period = classifications.map(\.period).first { p in
            let b = p.split(separator: "-").compactMap { Int($0) }
            return b.count == 2 && b[0] <= year && year <= b[1]
        }
        var result: [String: CommuneTargetFields] = [:]
        for commune in communes {
            let poor =
                period.map {
                    eligibility.has(.difficult135, code: commune.code, period: $0)
                        || eligibility.has(.poor30a, code: commune.parentCode, period: $0)
                } ?? false
            let target = poor ? 4.0 : 3.0
            let base = byKey["\(baselineYear)/\(commune.code)"]?.povertyRate
            let now = byKey["\(year)/\(commune.code)"]?.povertyRate
            var change: Double?
            var status = TargetStatus.noData
            if let base, let now, year > baselineYear {
                let c = (base - now) * 100 / Double(year - baselineYear)
                change = c
                status = c >= target ? .met : .behind
            }
            result[commune.code] = CommuneTargetFields(
                baselineYear: baselineYear, baselineRate: base, changePerYear: change, target: target, status: status)
        }
        return result
    }
}
