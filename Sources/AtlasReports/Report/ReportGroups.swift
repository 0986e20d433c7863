import AtlasModel
import AtlasStore

/// The rows of a report: the groups in order, and which groups each work falls in. A work in
/// no group (outside every commune, or a commune without district) goes to `unplacedCode`.
struct ReportGroups {
    static let unplacedCode = "—"
    let grouping: ReportGrouping
    let order: [(code: String, name: String)]

    init(_ grouping: ReportGrouping, communes: [CommuneSummary], works: [WorkFacts], language: ReportLanguage)
        throws
    {
        self.grouping = grouping
        switch grouping {
        case .province:
            order = [("province", PeriodReport.provinceName(language))]
        case .commune:
            order = communes.map { ($0.code, $0.name) }
        case .district:
            var seen: [String: String] = [:]
            for c in communes { if let d = c.districtCode { seen[d] = c.districtName ?? d } }
            order = seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        case .programme:
            let used = Set(works.map(\.programme))
            order = Programme.allCases.filter(used.contains).map { ($0.rawValue, language.pick($0.label)) }
        case .source:
            let used = Set(works.flatMap { $0.funding.map(\.source) })
            order =
                FundingSource.allCases.filter { used.contains($0) }.map { ($0.rawValue, language.pick($0.label)) }
                + (used.contains(nil) ? [("unspecified", language.pick(Label("Không rõ nguồn", "Source not given")))] : [])
        }
    }

    /// The groups of one work (by source: one per source among its funding lines).
    func codes(of work: WorkFacts) -> [String] {
        switch grouping {
        case .province: ["province"]
        case .commune: [work.communeCode ?? Self.unplacedCode]
        case .district: [work.districtCode ?? Self.unplacedCode]
        case .programme: [work.programme.rawValue]
        case .source: Array(Set(work.funding.map { $0.source?.rawValue ?? "unspecified" })).sorted()
        }
    }

    /// The funding lines of `work` that count in group `code`.
    func lines(of work: WorkFacts, in code: String) -> [FundingLine] {
        grouping == .source ? work.funding.filter { ($0.source?.rawValue ?? "unspecified") == code } : work.funding
    }
}
