import AtlasCoverage
import AtlasModel
import Foundation

@testable import AtlasStore

/// Small worlds in metric coordinates (metres), so every distance can be worked out by hand.
/// `CoverageEngine.compute` is pure: these inputs need no database.
enum CoverageFixture {
    typealias Work = CoverageInputs.Work

    static func p(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    /// Axis-aligned rectangle ring, counter-clockwise, closed.
    static func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Position] {
        [p(minX, minY), p(maxX, minY), p(maxX, maxY), p(minX, maxY), p(minX, minY)]
    }

    static func commune(
        _ code: String, _ ring: [Position] = rectangle(-10_000, -10_000, 10_000, 10_000), statsHouseholds: Int? = nil
    ) -> CoverageInputs.Commune {
        CoverageInputs.Commune(
            code: code, districtCode: "178", metricGeometry: .polygon([ring]), statsHouseholds: statsHouseholds)
    }

    static func village(
        _ code: String, in commune: String, at location: Position?, households: Int? = nil
    )
        -> CoverageInputs.Village
    {
        CoverageInputs.Village(code: code, communeCode: commune, metricLocation: location, households: households)
    }

    static func work(
        _ id: String, _ category: WorkCategory, _ geometry: Geometry, status: WorkStatus = .completed,
        surface: RoadSurface? = nil, exactness: Exactness = .exact, completedOn: String? = nil,
        villagesServed: [String] = []
    ) -> CoverageInputs.Work {
        CoverageInputs.Work(
            id: id, category: category, status: status, surface: surface, exactness: exactness,
            completedOn: completedOn.map { try! CalendarDate(iso: $0) }, metricGeometry: geometry,
            villagesServed: villagesServed)
    }

    static func inputs(
        communes: [CoverageInputs.Commune], villages: [CoverageInputs.Village], works: [CoverageInputs.Work],
        workCounts: [String: [WorkCategory: Int]] = [:], statsYear: Int? = 2020
    ) -> CoverageInputs {
        CoverageInputs(
            communes: communes, villages: villages, works: works, workCounts: workCounts, statsYear: statsYear)
    }

    /// The coverage ratio of `category` for commune "00001", whose only village sits at the
    /// origin, given `works` (1 = served, 0 = not served).
    static func ratioAtOrigin(
        _ category: WorkCategory, works: [CoverageInputs.Work], rules: CoverageRules = .standard,
        asOf: String? = nil
    ) -> Double? {
        let world = inputs(
            communes: [commune("00001")], villages: [village("00001001", in: "00001", at: p(0, 0), households: 50)],
            works: works)
        let report = CoverageEngine(rules: rules).compute(world, asOf: asOf.map { try! CalendarDate(iso: $0) })
        return report.communes.first?.ratio(category)
    }

    /// Whether one work of `category` serves the village at the origin.
    static func servesOrigin(_ work: CoverageInputs.Work, rules: CoverageRules = .standard, asOf: String? = nil) -> Bool
    {
        ratioAtOrigin(work.category, works: [work], rules: rules, asOf: asOf) == 1
    }
}

extension CoverageReport {
    func commune(_ code: String) -> CommuneCoverage? { communes.first { $0.code == code } }
}

/// Database suites run only where the SpatiaLite module loads (STYLE §2.4).
enum SpatiaLiteAvailability {
    static let isAvailable: Bool = (try? AppDatabase.inMemory()) != nil
}
