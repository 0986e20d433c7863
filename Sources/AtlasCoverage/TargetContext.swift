import AtlasModel
import AtlasStore
import Foundation

/// The data every indicator reads, and one function per indicator.
struct TargetContext {
    let year: Int
    let baselineYear: Int
    let stats: [YearStats]
    let classifications: [Classification]
    let communes: [UnitSummary]
    let coverage: CoverageReport
    let baselineCoverage: CoverageReport
    let roads: [StoredWork]
    let rules: CoverageRules

    var periodsHoldingYear: [String] {
        Set(classifications.map(\.period)).filter { p in
            let b = p.split(separator: "-").compactMap { Int($0) }
            return b.count == 2 && b[0] <= year && year <= b[1]
        }.sorted()
    }

    func isPoorDistrict(_ code: String) -> Bool {
        let periods = Set(periodsHoldingYear)
        return classifications.contains { $0.code == code && $0.flag == .poor30a && periods.contains($0.period) }
    }

    var difficultCommunes: Set<String> {
        let periods = Set(periodsHoldingYear)
        let communeCodes = Set(communes.map(\.code))
        return Set(
            classifications.filter {
                $0.flag == .difficult135 && periods.contains($0.period) && communeCodes.contains($0.code)
            }
            .map(\.code))
    }

    /// Households and poor households of the communes in `scope` in `year`.
    func totals(_ scope: Set<String>, _ year: Int) -> (households: Int, poor: Int)? {
        var h = 0, p = 0, n = 0
        for s in stats where s.year == year && scope.contains(s.code) {
            h += s.households
            p += s.poorHouseholds
            n += 1
        }
        return n > 0 && h > 0 ? (h, p) : nil
    }

    func indicators(scope: String, name: String, communes: Set<String>, poorScope: Bool) -> [IndicatorResult] {
        [
            povertyReduction(scope: scope, name: name, communes: communes, target: poorScope ? 4 : 3),
            povertyRate(scope: scope, name: name, communes: communes),
            householdsLeavingPoverty(scope: scope, name: name, communes: communes),
            roadsToCommuneCentre(scope: scope, name: name, communes: communes),
            villageRoads(scope: scope, name: name, communes: communes),
            missing(
                "T3", "communes meeting the national health criteria", "60–70 %", scope, name,
                "health works carry no meets_national_criteria attribute"),
            missing(
                "T4", "health stations treating under health insurance", "80–90 %", scope, name,
                "no data on health-insurance treatment at commune health stations"),
            missing(
                "T5", "communes whose schools meet the new-rural standard", "80 %", scope, name,
                "no data on school standards"),
            missing(
                "T6", "irrigation demand of annual crops met", "75–80 %", scope, name,
                "no irrigated area (irrigated_ha) or crop demand data"),
            poorWithWater(scope: scope, name: name, communes: communes),
            leavingDifficultStatus(scope: scope, name: name, communes: communes),
        ]
    }

    func result(
        _ id: String, _ indicator: String, _ scope: String, _ name: String, value: Double?, unit: String, band: String,
        status: TargetStatus, basis: String
    ) -> IndicatorResult {
        IndicatorResult(
            id: id, indicator: indicator, scope: scope, scopeName: name, value: value, unit: unit, band: band,
            status: status, basis: basis)
    }

    func missing(
        _ id: String, _ indicator: String, _ band: String, _ scope: String, _ name: String, _ why: String
    )
        -> IndicatorResult
    {
        result(id, indicator, scope, name, value: nil, unit: "%", band: band, status: .noData, basis: why)
    }

    func povertyReduction(scope: String, name: String, communes: Set<String>, target: Double) -> IndicatorResult {
        let id = "P1", label = "poverty rate reduction per year", band = "≥ \(Int(target)) points/year"
        guard year > baselineYear, let base = totals(communes, baselineYear), let now = totals(communes, year) else {
            return result(
                id, label, scope, name, value: nil, unit: "points/year", band: band, status: .noData,
                basis: "needs commune statistics of two years (have \(Set(stats.map(\.year)).sorted()))")
        }
        let r0 = Double(base.poor) / Double(base.households) * 100, r1 = Double(now.poor) / Double(now.households) * 100
        let value = (r0 - r1) / Double(year - baselineYear)
        return result(
            id, label, scope, name, value: value, unit: "points/year", band: band,
            status: value >= target ? .met : .behind,
            basis: String(format: "%.2f %% in %d → %.2f %% in %d", r0, baselineYear, r1, year))
    }

    func povertyRate(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "P2", label = "poverty rate", band = "≈ 11 % in 2020 (≤ 11.5 %)"
        guard let now = totals(communes, year) else {
            return result(
                id, label, scope, name, value: nil, unit: "%", band: band, status: .noData,
                basis: "no commune statistics for \(year)")
        }
        let value = Double(now.poor) / Double(now.households) * 100
        let baseline = totals(communes, baselineYear).map { Double($0.poor) / Double($0.households) * 100 }
        let status = TargetBand.atMost(11.5, band).status(
            value: value, baseline: baseline, year: year, baselineYear: baselineYear, targetYear: PlanTargets.targetYear
        )
        return result(
            id, label, scope, name, value: value, unit: "%", band: band, status: status,
            basis: "\(now.poor) poor of \(now.households) households in \(year)")
    }

    func householdsLeavingPoverty(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "P3", label = "households leaving poverty since \(baselineYear)"
        let province = Set(self.communes.map(\.code))
        guard year > baselineYear, let base = totals(communes, baselineYear), let now = totals(communes, year),
            let provinceBase = totals(province, baselineYear)
        else {
            return result(
                id, label, scope, name, value: nil, unit: "households", band: "> 27,000 (province)",
                status: .noData, basis: "needs commune statistics of two years")
        }
        // The plan's 27,000 is provincial; a district's share is its share of the baseline poor.
        let target = 27_000 * Double(base.poor) / Double(max(provinceBase.poor, 1))
        let band = scope == "province" ? "> 27,000" : String(format: "> %.0f (share of 27,000)", target)
        let value = Double(base.poor - now.poor)
        let status = TargetBand(text: band) { $0 > target }.status(
            value: value, baseline: 0, year: year, baselineYear: baselineYear, targetYear: PlanTargets.targetYear)
        return result(
            id, label, scope, name, value: value, unit: "households", band: band, status: status,
            basis: "\(base.poor) poor households in \(baselineYear), \(now.poor) in \(year) (net change)")
    }

    /// T1: communes reached by a serving hardened road of class to_commune_centre.
    func roadsToCommuneCentre(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "T1", label = "communes with a hardened road to the commune centre", band = "80–90 %"
        let classified = roads.filter { $0.work.roadClass == .toCommuneCentre }
        guard !classified.isEmpty, !communes.isEmpty else {
            return missing(id, label, band, scope, name, "no road carries road_class to_commune_centre")
        }
        func share(asOf: CalendarDate) -> (Int, Double) {
            let reached = Set(
                classified.filter { w in
                    rules.serves(
                        category: .road, status: w.work.status, surface: w.work.surface, exactness: w.work.exactness,
                        completedOn: w.work.completedOn, asOf: asOf)
                }.compactMap(\.communeCode)
            ).intersection(communes)
            return (reached.count, Double(reached.count) / Double(communes.count) * 100)
        }
        let (n, value) = share(asOf: (try? CalendarDate(year: year, month: 12, day: 31))!)
        let (_, baseline) = share(asOf: (try? CalendarDate(year: baselineYear, month: 12, day: 31))!)
        let status = TargetBand.atLeast(80, band).status(
            value: value, baseline: baseline, year: year, baselineYear: baselineYear, targetYear: PlanTargets.targetYear
        )
        return result(
            id, label, scope, name, value: value, unit: "%", band: band, status: status,
            basis: "\(n) of \(communes.count) communes, completed by the end of \(year)")
    }

    /// T2: villages within reach of an all-season road (the road coverage rule), as a proxy for
    /// "the village's main road is hardened".
    func villageRoads(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "T2", label = "villages reached by a hardened road", band = "70–80 %"
        func share(_ report: CoverageReport) -> (served: Int, total: Int) {
            var served = 0, total = 0
            for c in report.communes where communes.contains(c.code) && !c.usesCentroid {
                total += c.villageCount
                served += c.servedVillages[.road] ?? 0
            }
            return (served, total)
        }
        let now = share(coverage), base = share(baselineCoverage)
        guard now.total > 0 else { return missing(id, label, band, scope, name, "no villages loaded") }
        let value = Double(now.served) / Double(now.total) * 100
        let status = TargetBand.atLeast(70, band).status(
            value: value, baseline: Double(base.served) / Double(max(base.total, 1)) * 100, year: year,
            baselineYear: baselineYear, targetYear: PlanTargets.targetYear)
        return result(
            id, label, scope, name, value: value, unit: "%", band: band, status: status,
            basis:
                "\(now.served) of \(now.total) villages within \(Int(rules.distance(for: .road))) m of an asphalt or concrete road"
        )
    }

    /// T7: poor households in reach of a water work, estimated per commune as its water coverage
    /// applied to its poor households (poverty is not located below the commune).
    func poorWithWater(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "T7", label = "poor households with domestic water (estimate)", band = "95 %"
        var poor = 0.0, served = 0.0
        let byCode = Dictionary(coverage.communes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for s in stats where s.year == year && communes.contains(s.code) {
            guard let ratio = byCode[s.code]?.ratio(.water) else { continue }
            poor += Double(s.poorHouseholds)
            served += Double(s.poorHouseholds) * ratio
        }
        guard poor > 0 else {
            return missing(id, label, band, scope, name, "no poor households in the statistics of \(year)")
        }
        let value = served / poor * 100
        return result(
            id, label, scope, name, value: value, unit: "%", band: band, status: value >= 95 ? .met : .behind,
            basis: String(format: "%.0f of %.0f poor households, by commune water coverage", served, poor))
    }

    func leavingDifficultStatus(scope: String, name: String, communes: Set<String>) -> IndicatorResult {
        let id = "T8", label = "units leaving poor / extremely difficult status"
        let band = "≥ 1 poor district; ≈ 40 communes, 20 villages"
        let periods = Set(classifications.map(\.period)).sorted()
        guard periods.count >= 2, let before = periods.dropLast().last, let after = periods.last else {
            return result(
                id, label, scope, name, value: nil, unit: "units", band: band, status: .noData,
                basis:
                    "classifications of one programme period only (\(periods.joined(separator: ", "))); leaving needs the next period's lists"
            )
        }
        func flagged(_ period: String, _ flag: ClassificationFlag) -> Set<String> {
            Set(classifications.filter { $0.period == period && $0.flag == flag }.map(\.code))
        }
        // Only the districts of this scope: a district's row counts itself, not its neighbours.
        let scopeDistricts = Set(self.communes.filter { communes.contains($0.code) }.compactMap(\.parentCode))
        let districtsLeft = flagged(before, .poor30a).subtracting(flagged(after, .poor30a)).intersection(scopeDistricts)
        let communesLeft = flagged(before, .difficult135).subtracting(flagged(after, .difficult135)).intersection(
            communes)
        let value = Double(districtsLeft.count + communesLeft.count)
        return result(
            id, label, scope, name, value: value, unit: "units", band: band,
            status: districtsLeft.count >= 1 && communesLeft.count >= 40 ? .met : .behind,
            basis:
                "\(districtsLeft.count) districts and \(communesLeft.count) communes left between \(before) and \(after)"
        )
    }
}
