import AtlasModel
import AtlasStore

/// The committee's periodic report (báo cáo định kỳ): one computation, tables in the order they
/// are printed. Rules, each stated in the report's notes:
/// - an event counts in the period when its date lies in it, both ends included;
/// - money counts for the works approved in the period (funding lines carry no dates);
/// - maintenance counts by the date of each event;
/// - the status at the end is the last status recorded on or before `to`.
public enum PeriodReport {
    public static func build(_ input: PeriodReportInputs, language: ReportLanguage) throws -> ReportDocument {
        let groups = try ReportGroups(
            input.grouping, communes: input.communesAtEnd, works: input.works, language: language)
        guard !input.communesAtEnd.isEmpty else { throw ReportError.noCommunes(input.unitsDay.description) }
        if input.grouping == .district && groups.order.isEmpty { throw ReportError.noDistricts(input.unitsDay.description) }
        var tables = [
            progress(input, groups, language), statusAtEnd(input, groups, language),
            try funding(input, groups, language), try fundingByProgrammeAndSource(input, language),
        ]
        if let plan = input.plan { tables.append(try envelope(input, plan, language)) }
        tables.append(poverty(input, language))
        tables.append(coverage(input, language))
        tables.append(roads(input, language))
        let period = input.period
        var notes = [
            Label(
                "Kỳ báo cáo \(period.from) – \(period.to), tính cả hai ngày đầu và cuối; đầu kỳ là ngày \(period.startDay), số liệu nghèo đầu kỳ là năm \(period.startYear).",
                "Period \(period.from) – \(period.to), both days included; its start is \(period.startDay), with the \(period.startYear) poverty statistics."),
            Label(
                "Vốn tính cho các công trình được phê duyệt trong kỳ; duy tu tính theo ngày của từng lần duy tu.",
                "Money counts for the works approved in the period; maintenance by the date of each event."),
            Label("Đơn vị hành chính ngày \(input.unitsDay).", "Administrative units of \(input.unitsDay)."),
        ]
        if let plan = input.plan, plan.from != period.from || plan.to != period.to {
            notes.append(
                Label(
                    "Khung kinh phí là của cả kế hoạch \(plan.id) (\(plan.from) – \(plan.to)), khác kỳ báo cáo.",
                    "The budget envelope is the whole plan \(plan.id) (\(plan.from) – \(plan.to)), not this period's."))
        }
        if let plan = input.plan, plan.partsExceedTotalBy != 0 {
            let million = plan.partsExceedTotalBy / 1_000_000
            notes.append(
                Label(
                    "Tổng kinh phí ghi theo kế hoạch \(plan.id); tổng hai khoản mục chênh \(million) triệu đồng so với tổng đó.",
                    "The total is as plan \(plan.id) states it; its two items add to \(million) million đồng more."))
        }
        let by = language.pick(Label("theo", "by")) + " " + language.pick(groupingLabel(input.grouping))
        return ReportDocument(
            title: Label("BÁO CÁO KẾT QUẢ ĐẦU TƯ CƠ SỞ HẠ TẦNG GIẢM NGHÈO", "POVERTY-REDUCTION INFRASTRUCTURE REPORT"),
            subtitle: Label("Tỉnh Lạng Sơn · \(period.from) – \(period.to) · \(by)", "Lạng Sơn province · \(period.from) – \(period.to) · \(by)"),
            tables: tables, notes: notes, notices: input.notices, attributions: input.attributions)
    }

    static func groupingLabel(_ g: ReportGrouping) -> Label {
        switch g {
        case .province: Label("toàn tỉnh", "province")
        case .district: Label("huyện", "district")
        case .commune: Label("xã", "commune")
        case .programme: Label("chương trình", "programme")
        case .source: Label("nguồn vốn", "funding source")
        }
    }

    static let groupColumns = [
        ReportColumn("group_code", Label("Mã", "Code"), .text), ReportColumn("group_name", Label("Tên", "Name"), .text),
    ]

    static func totalsLabel(_ language: ReportLanguage) -> [ReportCell] {
        [.text(""), .text(language.pick(Label("Tổng cộng", "Total")))]
    }

    /// Rows for each group in order, the unplaced row when any work is there, then the totals
    /// computed over all works at once (by source a work with two sources counts once in it).
    static func groupRows(
        _ input: PeriodReportInputs, _ groups: ReportGroups, _ language: ReportLanguage,
        _ values: (_ code: String?, _ works: [WorkFacts]) throws -> [ReportCell]
    ) rethrows -> (rows: [[ReportCell]], totals: [ReportCell]) {
        var members: [String: [WorkFacts]] = [:]
        for w in input.works { for code in groups.codes(of: w) { members[code, default: []].append(w) } }
        var rows = try groups.order.map { g in [ReportCell.text(g.code), .text(g.name)] + (try values(g.code, members[g.code] ?? [])) }
        if let unplaced = members[ReportGroups.unplacedCode] {
            let name = language.pick(Label("Chưa xác định được đơn vị", "Not placed in a unit"))
            rows.append([.text(ReportGroups.unplacedCode), .text(name)] + (try values(ReportGroups.unplacedCode, unplaced)))
        }
        return (rows, totalsLabel(language) + (try values(nil, input.works)))
    }

    static func progress(_ input: PeriodReportInputs, _ groups: ReportGroups, _ language: ReportLanguage) -> ReportTable {
        let p = input.period
        let (rows, totals) = groupRows(input, groups, language) { _, works in
            let registered = works.filter { p.contains($0.history.first?.on) }.count
            let handedOver = works.filter { w in w.history.contains { $0.to == .handedOver && p.contains($0.on) } }.count
            return [
                registered, works.filter { p.contains($0.approvedOn) }.count, works.filter { p.contains($0.startedOn) }.count,
                works.filter { p.contains($0.completedOn) }.count, handedOver,
            ].map { .integer(Int64($0)) }
        }
        return ReportTable(
            key: "progress", title: Label("Tiến độ thực hiện trong kỳ", "Progress in the period"),
            columns: groupColumns + [
                ReportColumn("registered", Label("Đăng ký", "Registered"), .count),
                ReportColumn("approved", Label("Phê duyệt", "Approved"), .count),
                ReportColumn("started", Label("Khởi công", "Started"), .count),
                ReportColumn("completed", Label("Hoàn thành", "Completed"), .count),
                ReportColumn("handed_over", Label("Bàn giao", "Handed over"), .count),
            ], rows: rows, totals: totals)
    }

    /// The status recorded last on or before `day` (a change without a date counts from the day
    /// it was recorded; a registration without one, from the start); nil before registration.
    static func status(of work: WorkFacts, on day: CalendarDate) -> WorkStatus? {
        var current: WorkStatus?
        for (i, change) in work.history.enumerated() {
            let when = change.on ?? (i == 0 ? nil : try? CalendarDate(iso: String(change.recordedAt.prefix(10))))
            if let when, when > day { break }
            current = change.to
        }
        return current
    }

    static func statusAtEnd(_ input: PeriodReportInputs, _ groups: ReportGroups, _ language: ReportLanguage) -> ReportTable {
        let (rows, totals) = groupRows(input, groups, language) { _, works in
            var counts: [WorkStatus: Int] = [:]
            for w in works { if let s = status(of: w, on: input.period.to) { counts[s, default: 0] += 1 } }
            return WorkStatus.allCases.map { .integer(Int64(counts[$0] ?? 0)) } + [.integer(Int64(counts.values.reduce(0, +)))]
        }
        return ReportTable(
            key: "status_at_end", title: Label("Công trình theo trạng thái cuối kỳ (\(input.period.to))", "Works by status at the end (\(input.period.to))"),
            columns: groupColumns + WorkStatus.allCases.map { ReportColumn($0.rawValue, $0.label, .count) }
                + [ReportColumn("total", Label("Tổng số", "All works"), .count)],
            rows: rows, totals: totals)
    }
}
