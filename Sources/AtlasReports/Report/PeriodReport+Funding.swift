import AtlasModel
import AtlasStore

/// A checked running sum of đồng or days: a total past `Int64` is an error, never a wrap.
struct CheckedSum {
    private(set) var value: Int64 = 0
    let scope: String

    mutating func add(_ amount: Int64) throws {
        guard let next = Money.sum([value, amount]) else { throw StoreError.moneyOverflow(scope: scope) }
        value = next
    }
}

extension PeriodReport {
    /// disbursed / planned, or empty when nothing was planned.
    static func rate(_ disbursed: Int64, _ planned: Int64) -> ReportCell {
        planned > 0 ? .decimal(Double(disbursed) / Double(planned)) : .empty
    }

    static func funding(_ input: PeriodReportInputs, _ groups: ReportGroups, _ language: ReportLanguage) throws -> ReportTable {
        let p = input.period
        let (rows, totals) = try groupRows(input, groups, language) { code, works in
            var planned = CheckedSum(scope: "planned"), disbursed = CheckedSum(scope: "disbursed")
            var labour = CheckedSum(scope: "labour days"), upkeep = CheckedSum(scope: "maintenance")
            var approved = 0, events = 0
            for w in works {
                if p.contains(w.approvedOn) {
                    approved += 1
                    let lines = code.map { groups.lines(of: w, in: $0) } ?? w.funding
                    for line in lines {
                        try planned.add(line.plannedVND)
                        try disbursed.add(line.disbursedVND)
                        try labour.add(Int64(line.labourDays ?? 0))
                    }
                }
                for m in w.maintenance where p.contains(m.on) {
                    events += 1
                    try upkeep.add(m.costVND)
                }
            }
            // Maintenance has no funding source of its own here: by source only the total shows it.
            let bySource = groups.grouping == .source && code != nil
            return [
                .integer(Int64(approved)), .integer(planned.value), .integer(disbursed.value),
                rate(disbursed.value, planned.value), .integer(labour.value),
                bySource ? .empty : .integer(Int64(events)), bySource ? .empty : .integer(upkeep.value),
            ]
        }
        return ReportTable(
            key: "funding", title: Label("Vốn đầu tư và duy tu", "Investment and maintenance"),
            columns: groupColumns + [
                ReportColumn("works_approved", Label("Công trình phê duyệt trong kỳ", "Works approved in the period"), .count),
                ReportColumn("planned_vnd", Label("Kế hoạch vốn (đồng)", "Planned (đồng)"), .vnd),
                ReportColumn("disbursed_vnd", Label("Đã giải ngân (đồng)", "Disbursed (đồng)"), .vnd),
                ReportColumn("disbursement_rate", Label("Tỷ lệ giải ngân", "Disbursement rate"), .share),
                ReportColumn("labour_days", Label("Ngày công", "Labour days"), .count),
                ReportColumn("maintenance_events", Label("Lượt duy tu", "Maintenance events"), .count),
                ReportColumn("maintenance_vnd", Label("Chi phí duy tu (đồng)", "Maintenance (đồng)"), .vnd),
            ], rows: rows, totals: totals)
    }

    static func fundingByProgrammeAndSource(_ input: PeriodReportInputs, _ language: ReportLanguage) throws -> ReportTable {
        struct Key: Hashable { let programme: Programme, source: FundingSource? }
        var sums: [Key: (CheckedSum, CheckedSum)] = [:]
        var planned = CheckedSum(scope: "planned"), disbursed = CheckedSum(scope: "disbursed")
        for w in input.works where input.period.contains(w.approvedOn) {
            for line in w.funding {
                let key = Key(programme: w.programme, source: line.source)
                var (p, d) = sums[key] ?? (CheckedSum(scope: "planned"), CheckedSum(scope: "disbursed"))
                try p.add(line.plannedVND)
                try d.add(line.disbursedVND)
                sums[key] = (p, d)
                try planned.add(line.plannedVND)
                try disbursed.add(line.disbursedVND)
            }
        }
        let sources: [FundingSource?] = FundingSource.allCases.map(Optional.some) + [nil]
        var rows: [[ReportCell]] = []
        for programme in Programme.allCases {
            for source in sources {
                guard let (p, d) = sums[Key(programme: programme, source: source)] else { continue }
                rows.append([
                    .text(language.pick(programme.label)),
                    .text(source.map { language.pick($0.label) } ?? language.pick(Label("Không rõ nguồn", "Source not given"))),
                    .integer(p.value), .integer(d.value), rate(d.value, p.value),
                ])
            }
        }
        return ReportTable(
            key: "programme_source", title: Label("Vốn theo chương trình và nguồn vốn", "Funding by programme and source"),
            columns: [
                ReportColumn("programme", Label("Chương trình", "Programme"), .text),
                ReportColumn("source", Label("Nguồn vốn", "Source"), .text),
                ReportColumn("planned_vnd", Label("Kế hoạch vốn (đồng)", "Planned (đồng)"), .vnd),
                ReportColumn("disbursed_vnd", Label("Đã giải ngân (đồng)", "Disbursed (đồng)"), .vnd),
                ReportColumn("disbursement_rate", Label("Tỷ lệ giải ngân", "Disbursement rate"), .share),
            ], rows: rows,
            totals: [.text(language.pick(Label("Tổng cộng", "Total"))), .text(""), .integer(planned.value),
                .integer(disbursed.value), rate(disbursed.value, planned.value)])
    }

    /// The plan's envelope against what is registered: investment is the works approved in the
    /// period, recurrent spending the maintenance done in it.
    static func envelope(_ input: PeriodReportInputs, _ plan: BudgetPlan, _ language: ReportLanguage) throws -> ReportTable {
        var planned = CheckedSum(scope: "planned"), disbursed = CheckedSum(scope: "disbursed")
        var upkeep = CheckedSum(scope: "maintenance")
        for w in input.works {
            if input.period.contains(w.approvedOn) {
                for line in w.funding {
                    try planned.add(line.plannedVND)
                    try disbursed.add(line.disbursedVND)
                }
            }
            for m in w.maintenance where input.period.contains(m.on) { try upkeep.add(m.costVND) }
        }
        var registered = CheckedSum(scope: "registered"), spent = CheckedSum(scope: "spent")
        try registered.add(planned.value)
        try registered.add(upkeep.value)
        try spent.add(disbursed.value)
        try spent.add(upkeep.value)
        func row(_ label: Label, _ planVND: Int64, _ registeredVND: Int64, _ spentVND: Int64) -> [ReportCell] {
            [.text(language.pick(label)), .integer(planVND), .integer(registeredVND), rate(registeredVND, planVND), .integer(spentVND)]
        }
        return ReportTable(
            key: "envelope", title: Label("Khung kinh phí kế hoạch \(plan.id)", "Budget envelope of plan \(plan.id)"),
            columns: [
                ReportColumn("item", Label("Khoản mục", "Item"), .text),
                ReportColumn("plan_vnd", Label("Kế hoạch (đồng)", "Plan (đồng)"), .vnd),
                ReportColumn("registered_vnd", Label("Đã đăng ký (đồng)", "Registered (đồng)"), .vnd),
                ReportColumn("share_of_plan", Label("Tỷ lệ so với kế hoạch", "Share of the plan"), .share),
                ReportColumn("spent_vnd", Label("Đã giải ngân / đã chi (đồng)", "Disbursed or spent (đồng)"), .vnd),
            ],
            rows: [
                row(Label("Vốn đầu tư phát triển", "Investment"), plan.investmentVND, planned.value, disbursed.value),
                row(Label("Vốn sự nghiệp (duy tu, bảo dưỡng)", "Recurrent (maintenance)"), plan.recurrentVND, upkeep.value, upkeep.value),
            ],
            totals: row(Label("Tổng cộng", "Total"), plan.totalVND, registered.value, spent.value))
    }
}
