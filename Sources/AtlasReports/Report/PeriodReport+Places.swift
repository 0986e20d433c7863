import AtlasCoverage
import AtlasModel
import AtlasStore

extension PeriodReport {
    static func provinceName(_ language: ReportLanguage) -> String { language.pick(Label("Toàn tỉnh", "Whole province")) }

    /// The place rows of the poverty and coverage tables: by district or commune as asked,
    /// else the province alone; the province is the totals row under the others.
    static func placeGroups(_ input: PeriodReportInputs, _ language: ReportLanguage) -> [(code: String, name: String, communes: Set<String>)] {
        let province = provinceName(language)
        let all = Set(input.communesAtEnd.map(\.code))
        switch input.grouping {
        case .commune:
            return input.communesAtEnd.map { ($0.code, $0.name, [$0.code]) }
        case .district:
            let byDistrict = Dictionary(grouping: input.communesAtEnd.filter { $0.districtCode != nil }, by: { $0.districtCode! })
            return byDistrict.keys.sorted().map { d in
                (d, byDistrict[d]?.first?.districtName ?? d, Set(byDistrict[d]?.map(\.code) ?? []))
            }
        case .province, .programme, .source:
            return [("province", province, all)]
        }
    }

    static func poverty(_ input: PeriodReportInputs, _ language: ReportLanguage) -> ReportTable {
        func figures(_ communes: [CommuneSummary], _ members: Set<String>) -> (households: Int64, poor: Int64)? {
            let stats = communes.filter { members.contains($0.code) }.compactMap(\.stats)
            guard !stats.isEmpty else { return nil }
            return (stats.reduce(0) { $0 + Int64($1.households) }, stats.reduce(0) { $0 + Int64($1.poorHouseholds) })
        }
        func row(_ code: String, _ name: String, _ members: Set<String>) -> [ReportCell] {
            let start = figures(input.communesAtStart, members), end = figures(input.communesAtEnd, members)
            func rate(_ f: (households: Int64, poor: Int64)?) -> Double? {
                guard let f, f.households > 0 else { return nil }
                return Double(f.poor) / Double(f.households)
            }
            let startRate = rate(start), endRate = rate(end)
            let change = startRate.flatMap { s in endRate.map { ($0 - s) * 100 } }
            return [
                .text(code), .text(name), start.map { .integer($0.households) } ?? .empty,
                start.map { .integer($0.poor) } ?? .empty, startRate.map(ReportCell.decimal) ?? .empty,
                end.map { .integer($0.households) } ?? .empty, end.map { .integer($0.poor) } ?? .empty,
                endRate.map(ReportCell.decimal) ?? .empty, change.map(ReportCell.decimal) ?? .empty,
            ]
        }
        let places = placeGroups(input, language)
        let p = input.period
        return ReportTable(
            key: "poverty", title: Label("Hộ nghèo đầu kỳ (\(p.startYear)) và cuối kỳ (\(p.endYear))", "Poverty at the start (\(p.startYear)) and end (\(p.endYear))"),
            columns: groupColumns + [
                ReportColumn("households_start", Label("Số hộ \(p.startYear)", "Households \(p.startYear)"), .count),
                ReportColumn("poor_start", Label("Hộ nghèo \(p.startYear)", "Poor \(p.startYear)"), .count),
                ReportColumn("poverty_rate_start", Label("Tỷ lệ nghèo \(p.startYear)", "Poverty rate \(p.startYear)"), .share),
                ReportColumn("households_end", Label("Số hộ \(p.endYear)", "Households \(p.endYear)"), .count),
                ReportColumn("poor_end", Label("Hộ nghèo \(p.endYear)", "Poor \(p.endYear)"), .count),
                ReportColumn("poverty_rate_end", Label("Tỷ lệ nghèo \(p.endYear)", "Poverty rate \(p.endYear)"), .share),
                ReportColumn("change_points", Label("Thay đổi (điểm %)", "Change (points)"), .points),
            ],
            rows: places.map { row($0.code, $0.name, $0.communes) },
            totals: places.count > 1 ? row("", provinceName(language), Set(input.communesAtEnd.map(\.code))) : nil)
    }

    static func coverage(_ input: PeriodReportInputs, _ language: ReportLanguage) -> ReportTable {
        func tally(_ report: CoverageReport, _ members: Set<String>, _ category: WorkCategory) -> CoverageTally {
            var total = CoverageTally()
            for c in report.communes where members.contains(c.code) {
                if let t = c.tallies[category] {
                    total.households += t.households
                    total.servedHouseholds += t.servedHouseholds
                }
            }
            return total
        }
        func rows(_ code: String, _ name: String, _ members: Set<String>) -> [[ReportCell]] {
            WorkCategory.allCases.map { category in
                let start = tally(input.coverageAtStart, members, category).ratio
                let end = tally(input.coverageAtEnd, members, category)
                let change = start.flatMap { s in end.ratio.map { ($0 - s) * 100 } }
                return [
                    .text(code), .text(name), .text(language.pick(category.label)), .integer(Int64(end.households)),
                    start.map(ReportCell.decimal) ?? .empty, end.ratio.map(ReportCell.decimal) ?? .empty,
                    change.map(ReportCell.decimal) ?? .empty,
                ]
            }
        }
        let places = placeGroups(input, language)
        var all = places.flatMap { rows($0.code, $0.name, $0.communes) }
        if places.count > 1 {
            all += rows("", provinceName(language), Set(input.communesAtEnd.map(\.code)))
        }
        let p = input.period
        return ReportTable(
            key: "coverage",
            title: Label("Tỷ lệ hộ được phục vụ đầu kỳ (\(p.startDay)) và cuối kỳ (\(p.to))", "Coverage at the start (\(p.startDay)) and end (\(p.to))"),
            columns: groupColumns + [
                ReportColumn("category", Label("Loại công trình", "Category"), .text),
                ReportColumn("households", Label("Số hộ", "Households"), .count),
                ReportColumn("coverage_start", Label("Độ phủ đầu kỳ", "Coverage at start"), .share),
                ReportColumn("coverage_end", Label("Độ phủ cuối kỳ", "Coverage at end"), .share),
                ReportColumn("change_points", Label("Thay đổi (điểm %)", "Change (points)"), .points),
            ], rows: all, totals: nil)
    }

    /// Built road metres by surface at the end, and the hardened share at the start and the end
    /// (the new-rural criterion's form), per place.
    static func roads(_ input: PeriodReportInputs, _ language: ReportLanguage) -> ReportTable {
        func total(_ roads: [String: RoadLengths], _ members: Set<String>) -> RoadLengths {
            var sum = RoadLengths()
            for code in members {
                guard let r = roads[code] else { continue }
                for (surface, metres) in r.bySurface { sum.bySurface[surface, default: 0] += metres }
                sum.unknownSurface += r.unknownSurface
            }
            return sum
        }
        func row(_ code: String, _ name: String, _ members: Set<String>) -> [ReportCell] {
            let start = total(input.roadsAtStart, members), end = total(input.roadsAtEnd, members)
            let metres = RoadSurface.allCases.map { ReportCell.integer(Int64((end.bySurface[$0] ?? 0).rounded())) }
            let change = start.hardenedShare.flatMap { s in end.hardenedShare.map { ($0 - s) * 100 } }
            return [.text(code), .text(name)] + metres + [
                .integer(Int64(end.unknownSurface.rounded())), .integer(Int64(end.total.rounded())),
                start.hardenedShare.map(ReportCell.decimal) ?? .empty, end.hardenedShare.map(ReportCell.decimal) ?? .empty,
                change.map(ReportCell.decimal) ?? .empty,
            ]
        }
        let places = placeGroups(input, language)
        let p = input.period
        return ReportTable(
            key: "roads", title: Label("Đường đã xây dựng cuối kỳ (m) và tỷ lệ cứng hóa", "Built roads at the end (m) and hardened share"),
            columns: groupColumns + RoadSurface.allCases.map { ReportColumn("\($0.rawValue)_m", $0.label, .count) } + [
                ReportColumn("unknown_surface_m", Label("Chưa rõ mặt đường", "Surface unknown"), .count),
                ReportColumn("road_length_m", Label("Tổng chiều dài", "Total length"), .count),
                ReportColumn("hardened_share_start", Label("Tỷ lệ cứng hóa \(p.startDay)", "Hardened \(p.startDay)"), .share),
                ReportColumn("hardened_share_end", Label("Tỷ lệ cứng hóa \(p.to)", "Hardened \(p.to)"), .share),
                ReportColumn("change_points", Label("Thay đổi (điểm %)", "Change (points)"), .points),
            ],
            rows: places.map { row($0.code, $0.name, $0.communes) },
            totals: places.count > 1 ? row("", provinceName(language), Set(input.communesAtEnd.map(\.code))) : nil)
    }
}
