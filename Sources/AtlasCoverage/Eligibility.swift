import AtlasModel

/// SPEC §3 "Eligibility" (đúng đối tượng): a 30a work must lie in a poor district; a 135 work in
/// a commune flagged difficult_135, border or safe_zone, or serve a difficult_135 village.
public struct Eligibility: Sendable {
    /// Flags per code and period.
    private let flags: [String: [String: Set<ClassificationFlag>]]
    private let periods: [(period: String, first: Int, last: Int)]

    public init(classifications: [Classification]) {
        var flags: [String: [String: Set<ClassificationFlag>]] = [:]
        var periods: [String: (Int, Int)] = [:]
        for c in classifications {
            flags[c.period, default: [:]][c.code, default: []].insert(c.flag)
            let bounds = c.period.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2 { periods[c.period] = (bounds[0], bounds[1]) }
        }
        self.flags = flags
        self.periods = periods.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.first < $1.first }
    }

    public var hasClassifications: Bool { !periods.isEmpty }

    /// 1 January of a period's first year ("2016-2020" → 2016-01-01): the units it names.
    public static func firstDay(of period: String) -> CalendarDate? {
        Int(period.prefix(4)).flatMap { try? CalendarDate(year: $0, month: 1, day: 1) }
    }

    /// The programme period for a work: the one holding its approval year, else the latest.
    public func period(for work: Work) -> String? {
        if let year = work.approvedOn?.year, let p = periods.first(where: { $0.first <= year && year <= $0.last }) {
            return p.period
        }
        return periods.last?.period
    }

    public func has(_ flag: ClassificationFlag, code: String?, period: String) -> Bool {
        guard let code else { return false }
        return flags[period]?[code]?.contains(flag) ?? false
    }

    /// Why the work is not eligible for its programme, or nil when it is (or the rule does not apply).
    public func problem(work: Work, communeCode: String?, districtCode: String?) -> String? {
        guard let period = period(for: work) else { return nil }
        switch work.programme {
        case .p30a, .ntpPoverty:
            if has(.poor30a, code: districtCode, period: period) { return nil }
            return
                "a \(work.programme.rawValue) work must lie in a poor district; district \(districtCode ?? "none") is not poor_30a in \(period)"
        case .p135, .p1719:
            let communeFlags: [ClassificationFlag] = [.difficult135, .border, .safeZone]
            if communeFlags.contains(where: { has($0, code: communeCode, period: period) }) { return nil }
            if work.villagesServed.contains(where: { has(.difficult135, code: $0, period: period) }) { return nil }
            return
                "a \(work.programme.rawValue) work must lie in a difficult_135, border or safe_zone commune or serve a difficult_135 village; "
                + "commune \(communeCode ?? "none") has none of these flags in \(period) and no village served is difficult_135"
        default:
            return nil
        }
    }
}
