import AtlasCoverage
import AtlasModel
import Testing

/// The village sits at the origin; health D = 5000 m, inclusive (WORKLOAD rule 4).
@Suite struct ServiceDistanceTests {
    typealias F = CoverageFixture

    static func clinic(at x: Double, _ y: Double) -> F.Work { F.work("H1", .health, .point(F.p(x, y))) }

    @Test func pointWorkServesInsideTheDistance() {
        // 4990 m < 5000 m
        #expect(F.servesOrigin(Self.clinic(at: 4990, 0)))
        #expect(F.servesOrigin(Self.clinic(at: 0, -4990)))
    }

    @Test func pointWorkDoesNotServeBeyondTheDistance() {
        // 5010 m > 5000 m
        #expect(!F.servesOrigin(Self.clinic(at: 5010, 0)))
        #expect(!F.servesOrigin(Self.clinic(at: -5010, 0)))
    }

    @Test func pointWorkAtExactlyTheDistanceServes() {
        // (5000, 0): 5000 m. (3000, 4000): √(3000² + 4000²) = √25 000 000 = 5000 m, exact in
        // binary floating point (9e6 + 16e6 = 25e6 compared with D² = 25e6)
        #expect(F.servesOrigin(Self.clinic(at: 5000, 0)))
        #expect(F.servesOrigin(Self.clinic(at: 3000, 4000)))
        #expect(F.servesOrigin(Self.clinic(at: -3000, -4000)))
        // (3000, 4001) is √(9e6 + 16 008 001) ≈ 5000.8 m
        #expect(!F.servesOrigin(Self.clinic(at: 3000, 4001)))
    }

    /// A line whose nearest point to the origin is the foot F = (3000, 4000), 5000 m away, inside
    /// the segment: the segment runs along direction (4, −3) from F − 1000·(4, −3) = (−1000, 7000)
    /// to F + 1000·(4, −3) = (7000, 1000). Shifting the line by t along the unit normal (0.6, 0.8)
    /// moves it to 5000 + t m from the origin.
    static func line(shift t: Double) -> F.Work {
        let (nx, ny) = (0.6 * t, 0.8 * t)
        return F.work("H2", .health, .lineString([F.p(-1000 + nx, 7000 + ny), F.p(7000 + nx, 1000 + ny)]))
    }

    @Test func lineWorkUsesTheNearestPointOfTheSegment() {
        // Given the shifted lines: 4990 m served, 5010 m not, 5000 m (exactly) served — with
        // w = (1000, −7000), d = (8000, −6000): cross = 50e6, |d|² = 100e6, cross²/|d|² = 25e6 = D²
        #expect(F.servesOrigin(Self.line(shift: -10)))
        #expect(!F.servesOrigin(Self.line(shift: 10)))
        #expect(F.servesOrigin(Self.line(shift: 0)))
    }

    @Test func horizontalLineWorkThresholdOnBothSides() {
        // Given the segment y = d, x ∈ [−2000, 2000]: the foot (0, d) lies inside it
        func line(_ d: Double) -> F.Work { F.work("H3", .health, .lineString([F.p(-2000, d), F.p(2000, d)])) }
        #expect(F.servesOrigin(line(4990)))
        #expect(F.servesOrigin(line(5000)))
        #expect(!F.servesOrigin(line(5010)))
        #expect(F.servesOrigin(line(-4990)))
        #expect(!F.servesOrigin(line(-5010)))
    }

    @Test func lineEndsWhereItsSegmentEnds() {
        // Given the segment y = 4000, x ∈ [3001, 9000]: the infinite line is 4000 m away, but the
        // nearest point of the segment is its end (3001, 4000), √(3001² + 4000²) ≈ 5000.6 m
        let short = F.work("H4", .health, .lineString([F.p(3001, 4000), F.p(9000, 4000)]))
        #expect(!F.servesOrigin(short))
        // Extending it to x = 2999 brings the end to ≈ 4999.4 m
        let longer = F.work("H4", .health, .lineString([F.p(2999, 4000), F.p(9000, 4000)]))
        #expect(F.servesOrigin(longer))
    }

    @Test func anyVertexOrSegmentOfAPolylineCounts() {
        // Given a polyline that wanders away: its middle segment passes 1000 m from the origin
        let road = F.work(
            "R1", .road, .lineString([F.p(-9000, 9000), F.p(-3000, 1000), F.p(3000, 1000), F.p(9000, 9000)]),
            surface: .asphalt)
        #expect(F.servesOrigin(road))
        // And a MultiLineString counts by its nearest part: the second part ends 1500 m east
        let multi = F.work(
            "R2", .road, .multiLineString([[F.p(-9000, 9000), F.p(-9000, 3000)], [F.p(1500, 0), F.p(9000, 0)]]),
            surface: .concrete)
        #expect(F.servesOrigin(multi))
    }

    @Test func eachCategoryHasItsOwnDistance() {
        // Given one work of each category 1500 m from the village
        // Then road (2000), health (5000) and school (3000) serve; the 1000 m categories do not
        for category in WorkCategory.allCases {
            let work = F.work("W", category, .point(F.p(0, 1500)), surface: category == .road ? .asphalt : nil)
            let expected = [WorkCategory.road, .health, .school].contains(category)
            #expect(F.servesOrigin(work) == expected, "\(category)")
        }
    }

    @Test func customRulesChangeTheAnswer() {
        // Given rules where a clinic serves within 1000 m only
        var rules = CoverageRules.standard
        rules.serviceDistanceM[.health] = 1000
        let clinic = Self.clinic(at: 2000, 0)
        // Then a clinic 2000 m away serves by the standard rules, not by the custom ones
        #expect(F.servesOrigin(clinic))
        #expect(!F.servesOrigin(clinic, rules: rules))
        #expect(F.servesOrigin(Self.clinic(at: 1000, 0), rules: rules))
        // And the report carries the rules it used
        let world = F.inputs(communes: [F.commune("00001")], villages: [], works: [])
        #expect(CoverageEngine(rules: rules).compute(world).rules.distance(for: .health) == 1000)
    }

    @Test func zeroDistanceServesOnlyAtTheSamePoint() {
        var rules = CoverageRules.standard
        rules.serviceDistanceM[.water] = 0
        #expect(F.servesOrigin(F.work("W1", .water, .point(F.p(0, 0))), rules: rules))
        #expect(!F.servesOrigin(F.work("W1", .water, .point(F.p(0.001, 0))), rules: rules))
    }
}
