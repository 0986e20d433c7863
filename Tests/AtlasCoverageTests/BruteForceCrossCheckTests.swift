import AtlasCoverage
import AtlasModel
import AtlasTestSupport
import Foundation
import Testing

/// The engine's served flags against a brute-force loop over every work with plain geometry:
/// this guards the spatial index (cells, boxes, early exits) rather than the rules.
@Suite struct BruteForceCrossCheckTests {
    typealias F = CoverageFixture

    enum Scenario: String, CaseIterable, Sendable {
        case standard, asOf2018, shortDistances
    }

    struct Site {
        var commune: String
        var village: String
        var at: Position
    }

    /// 300 villages, each alone in its commune (so a commune's ratio is its village's flag), and
    /// 200 works — points, polylines, multi-lines and rectangles — in a 20 km square.
    static func world(seed: UInt64) -> (villages: [Site], works: [F.Work]) {
        var rng = SplitMix64(seed: seed)
        var villages: [Site] = []
        for i in 0..<300 {
            let code = String(format: "%05d", 10_000 + i)
            villages.append(
                Site(commune: code, village: code + "001", at: F.p(rng.uniform(0, 20_000), rng.uniform(0, 20_000))))
        }
        let statuses: [WorkStatus] = [
            .completed, .completed, .handedOver, .proposed, .approved, .underConstruction, .cancelled,
        ]
        let surfaces: [RoadSurface?] = [.asphalt, .concrete, .earth, .gravel, nil]
        var works: [F.Work] = []
        for i in 0..<200 {
            let category = rng.pick(WorkCategory.allCases)
            let start = F.p(rng.uniform(-2000, 22_000), rng.uniform(-2000, 22_000))
            func walk(_ n: Int, from s: Position) -> [Position] {
                var line = [s]
                for _ in 1..<n {
                    let last = line[line.count - 1]
                    line.append(F.p(last.x + rng.uniform(-4000, 4000), last.y + rng.uniform(-4000, 4000)))
                }
                return line
            }
            let geometry: Geometry
            switch rng.uniform(0, 1) {
            case ..<0.45: geometry = .point(start)
            case ..<0.8: geometry = .lineString(walk(Int.random(in: 2...6, using: &rng), from: start))
            case ..<0.9:
                geometry = .multiLineString([walk(3, from: start), walk(2, from: F.p(start.x + 3000, start.y))])
            default:
                geometry = .polygon([
                    F.rectangle(start.x, start.y, start.x + rng.uniform(50, 1500), start.y + rng.uniform(50, 1500))
                ])
            }
            let exactness: Exactness = rng.chance(0.1) ? .adminUnit : (rng.chance(0.2) ? .approximate : .exact)
            let completed =
                rng.chance(0.8)
                ? String(
                    format: "%04d-%02d-15", Int.random(in: 2014...2021, using: &rng),
                    Int.random(in: 1...12, using: &rng)) : nil
            let listed = rng.chance(0.05) ? (0..<3).map { _ in rng.pick(villages).village } : []
            works.append(
                F.work(
                    "W\(i)", category, geometry, status: rng.pick(statuses),
                    surface: category == .road ? rng.pick(surfaces) : nil, exactness: exactness,
                    completedOn: completed, villagesServed: listed))
        }
        return (villages, works)
    }

    // MARK: brute force, independent of AtlasSpatial

    static func segmentDistance(_ p: Position, _ a: Position, _ b: Position) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 == 0 ? 0 : min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0), 1)
        return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }

    static func distance(_ p: Position, _ geometry: Geometry) -> Double {
        switch geometry {
        case .point(let q): return hypot(p.x - q.x, p.y - q.y)
        case .lineString, .multiLineString:
            return geometry.lines.flatMap { line in (1..<line.count).map { segmentDistance(p, line[$0 - 1], line[$0]) }
            }
            .min() ?? .infinity
        case .polygon(let rings):
            // Axis-aligned rectangles only: 0 inside, else the distance to the box
            let box = Geometry.polygon(rings).boundingBox
            return hypot(max(box.minX - p.x, 0, p.x - box.maxX), max(box.minY - p.y, 0, p.y - box.maxY))
        default: return .infinity
        }
    }

    static func rules(_ scenario: Scenario) -> CoverageRules {
        var rules = CoverageRules.standard
        if scenario == .shortDistances {
            // 250, 300, 350, … m: cells much smaller than the kilometre-long lines
            for (i, c) in WorkCategory.allCases.enumerated() { rules.serviceDistanceM[c] = 250 + 50 * Double(i) }
        }
        return rules
    }

    @Test(arguments: Scenario.allCases)
    func engineAgreesWithBruteForce(scenario: Scenario) throws {
        // Given the random world
        let (villages, works) = Self.world(seed: 0x5EED_2016_2020)
        let rules = Self.rules(scenario)
        let asOf = scenario == .asOf2018 ? try CalendarDate(iso: "2018-06-30") : nil
        let inputs = F.inputs(
            communes: villages.map {
                F.commune($0.commune, F.rectangle($0.at.x - 1, $0.at.y - 1, $0.at.x + 1, $0.at.y + 1))
            },
            villages: villages.map { F.village($0.village, in: $0.commune, at: $0.at) }, works: works)
        // When the engine computes coverage
        let report = CoverageEngine(rules: rules).compute(inputs, asOf: asOf)
        // Then for every village and category its flag equals the brute-force answer
        var served = 0, unserved = 0, undecidable = 0
        for (c, village) in villages.enumerated() {
            let commune = report.communes[c]
            #expect(commune.code == village.commune)
            for category in WorkCategory.allCases {
                let d = rules.distance(for: category)
                var listed = false
                var nearest = Double.infinity
                for work in works where work.category == category {
                    guard
                        rules.serves(
                            category: category, status: work.status, surface: work.surface, exactness: work.exactness,
                            completedOn: work.completedOn, asOf: asOf)
                    else { continue }
                    if work.villagesServed.contains(village.village) { listed = true }
                    if work.exactness != .adminUnit {
                        nearest = min(nearest, Self.distance(village.at, work.metricGeometry))
                    }
                }
                if !listed && abs(nearest - d) < 1e-6 {
                    undecidable += 1  // two formulas may round differently this close to D
                    continue
                }
                let expected = listed || nearest <= d
                let tally = try #require(commune.tallies[category])
                #expect(tally.households == 1)
                #expect(
                    (tally.servedHouseholds == 1) == expected,
                    "village \(village.village) \(category): nearest \(nearest) m, D \(d) m, listed \(listed)")
                if expected { served += 1 } else { unserved += 1 }
            }
        }
        // And the fixture is not degenerate: both answers occur often
        #expect(undecidable == 0)
        // (seed 0x5EED_2016_2020: standard 717/1683, asOf2018 388/2012, shortDistances 146/2254)
        #expect(served > 100 && unserved > 100, "served \(served), unserved \(unserved)")
    }

    @Test(arguments: Scenario.allCases)
    func nearestServingDistanceAgreesWithBruteForce(scenario: Scenario) throws {
        // Given the random world
        let (villages, works) = Self.world(seed: 0x5EED_2016_2020)
        let rules = Self.rules(scenario)
        let asOf = scenario == .asOf2018 ? try CalendarDate(iso: "2018-06-30") : nil
        let inputs = F.inputs(
            communes: villages.map {
                F.commune($0.commune, F.rectangle($0.at.x - 1, $0.at.y - 1, $0.at.x + 1, $0.at.y + 1))
            },
            villages: villages.map { F.village($0.village, in: $0.commune, at: $0.at) }, works: works)
        let engine = CoverageEngine(rules: rules)
        let report = engine.compute(inputs, asOf: asOf)
        for category in WorkCategory.allCases {
            // When the engine reports each village's service and nearest serving work
            let points = engine.pointServices(inputs, category: category, asOf: asOf)
            #expect(points.map(\.code) == villages.map(\.village))
            for (c, village) in villages.enumerated() {
                var nearest = Double.infinity
                for work in works where work.category == category && work.exactness != .adminUnit {
                    guard
                        rules.serves(
                            category: category, status: work.status, surface: work.surface, exactness: work.exactness,
                            completedOn: work.completedOn, asOf: asOf)
                    else { continue }
                    nearest = min(nearest, Self.distance(village.at, work.metricGeometry))
                }
                // Then the distance is the brute-force minimum (none when no work serves)
                let point = points[c]
                if nearest.isFinite {
                    let mine = try #require(point.nearestServingDistanceM)
                    #expect(abs(mine - nearest) < 1e-6, "village \(village.village) \(category)")
                } else {
                    #expect(point.nearestServingDistanceM == nil)
                }
                // And the flag is the one the ratios were added up from
                #expect(point.served == (report.communes[c].tallies[category]?.servedHouseholds == 1))
            }
        }
    }
}
