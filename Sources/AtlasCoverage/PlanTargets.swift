import AtlasModel
import AtlasStore
import Foundation

/// The indicators of plan 35/KH-UBND section 2 (SPEC §3) for the province and each district.
public struct PlanTargets: Sendable {
    public static let targetYear = 2020
    public var rules: CoverageRules

    public init(rules: CoverageRules = .standard) {
        self.rules = rules
    }

    public func run(on database: any AtlasDataStore, year requested: Int? = nil) throws -> [IndicatorResult] {
        let stats = try database.allStatistics()
        let years = Set(stats.map(\.year)).sorted()
        let year = requested ?? years.last ?? Self.targetYear
        let baselineYear = years.first ?? year
        let classifications = try database.allClassifications()
        let communes = try database.units(kind: .commune)
        let districts = try database.units(kind: .district)
        let yearEnd = try CalendarDate(year: year, month: 12, day: 31)
        let engine = CoverageEngine(rules: rules)
        let coverage = try engine.run(on: database, asOf: yearEnd, statsYear: year)
        let baselineCoverage = try engine.run(
            on: database, asOf: try CalendarDate(year: baselineYear, month: 12, day: 31), statsYear: baselineYear)
        let works = try database.works(matching: WorkFilter(category: .road))
        let context = TargetContext(
            year: year, baselineYear: baselineYear, stats: stats, classifications: classifications,
            communes: communes, coverage: coverage, baselineCoverage: baselineCoverage, roads: works, rules: rules)
        var scopes: [(code: String, name: String, communes: Set<String>, poor: Bool)] = [
            ("province", "Toàn tỉnh", Set(communes.map(\.code)), false)
        ]
        for d in districts {
            scopes.append(
                (
                    d.code, d.name, Set(communes.filter { $0.parentCode == d.code }.map(\.code)),
                    context.isPoorDistrict(d.code)
                ))
        }
        var results: [IndicatorResult] = []
        for scope in scopes {
            results += context.indicators(
                scope: scope.code, name: scope.name, communes: scope.communes, poorScope: scope.poor)
        }
        let difficult = context.difficultCommunes
        if !difficult.isEmpty {
            results.append(
                context.povertyReduction(
                    scope: "difficult_135", name: "Xã đặc biệt khó khăn (135)", communes: difficult, target: 4))
        }
        return results
    }
}
