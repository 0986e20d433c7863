import AtlasCoverage
import AtlasModel
import Testing

/// A commune without villages stands as one village at the area centroid of its metric polygon,
/// holding the households of its statistics (SPEC §2, WORKLOAD rule 4).
@Suite struct CentroidFallbackTests {
    typealias F = CoverageFixture

    /// UTM-sized offset, so the centroid code must keep its digits.
    static let ox = 600_000.0
    static let oy = 2_400_000.0

    /// L shape: the square [0, 6000]² without its top-right quarter [3000, 6000]², shifted by (ox, oy).
    /// Split into the bottom rectangle [0, 6000] × [0, 3000] (area 18e6, centroid (3000, 1500)) and
    /// the top-left square [0, 3000] × [3000, 6000] (area 9e6, centroid (1500, 4500)):
    ///   x̄ = (18e6·3000 + 9e6·1500) / 27e6 = 2500,  ȳ = (18e6·1500 + 9e6·4500) / 27e6 = 2500.
    /// The bounding-box centre (3000, 3000) and the vertex mean are elsewhere.
    static let lShape: [Position] = [
        (0, 0), (6000, 0), (6000, 3000), (3000, 3000), (3000, 6000), (0, 6000), (0, 0),
    ].map { F.p(ox + $0.0, oy + $0.1) }

    static func commune(statsHouseholds: Int?, works: [F.Work], rules: CoverageRules = .standard) -> CommuneCoverage? {
        let world = F.inputs(
            communes: [F.commune("00005", lShape, statsHouseholds: statsHouseholds)], villages: [], works: works)
        return CoverageEngine(rules: rules).compute(world).commune("00005")
    }

    static func water(_ x: Double, _ y: Double) -> F.Work { F.work("W1", .water, .point(F.p(ox + x, oy + y))) }

    @Test func centroidStandsForTheCommuneWithItsStatsHouseholds() throws {
        // Given a water scheme (D = 1000 m) at (2500, 1500): exactly 1000 m below the centroid
        let commune = try #require(Self.commune(statsHouseholds: 250, works: [Self.water(2500, 1500)]))
        // Then the commune is served in full, with its 250 households, and says it used the centroid
        #expect(commune.usesCentroid)
        #expect(commune.tallies[.water] == CoverageTally(households: 250, servedHouseholds: 250))
        #expect(commune.ratio(.water) == 1)
        #expect(commune.tallies[.road] == CoverageTally(households: 250, servedHouseholds: 0))
    }

    @Test func thresholdIsMeasuredFromTheAreaCentroid() {
        // 990 m from (2500, 2500) serves, 1010 m does not
        #expect(Self.commune(statsHouseholds: 250, works: [Self.water(2500, 1510)])?.ratio(.water) == 1)
        #expect(Self.commune(statsHouseholds: 250, works: [Self.water(2500, 1490)])?.ratio(.water) == 0)
        #expect(Self.commune(statsHouseholds: 250, works: [Self.water(3490, 2500)])?.ratio(.water) == 1)
        #expect(Self.commune(statsHouseholds: 250, works: [Self.water(3510, 2500)])?.ratio(.water) == 0)
    }

    @Test func notTheBoundingBoxCentre() {
        // Given a scheme at (3700, 3700): √(1200² + 1200²) ≈ 1697 m from the centroid (2500, 2500)
        // but √(700² + 700²) ≈ 989.9 m from the bounding-box centre (3000, 3000)
        #expect(Self.commune(statsHouseholds: 250, works: [Self.water(3700, 3700)])?.ratio(.water) == 0)
    }

    @Test func rectangleCentroidIsItsCentre() {
        // Given a rectangle commune [0, 4000] × [0, 2000] (+ offset): centroid (2000, 1000)
        let ring = F.rectangle(Self.ox, Self.oy, Self.ox + 4000, Self.oy + 2000)
        let world = F.inputs(
            communes: [F.commune("00006", ring, statsHouseholds: 80)], villages: [],
            works: [F.work("C1", .culture, .point(F.p(Self.ox + 2000, Self.oy + 1995)))])
        let commune = CoverageEngine().compute(world).commune("00006")
        // Then a culture house 5 m from the centre serves its 80 households
        #expect(commune?.tallies[.culture] == CoverageTally(households: 80, servedHouseholds: 80))
    }

    @Test func communeWithoutStatsCountsAsOneHousehold() {
        // Given no statistics for the commune: its one stand-in village weighs 1
        let commune = Self.commune(statsHouseholds: nil, works: [Self.water(2500, 2500)])
        #expect(commune?.tallies[.water] == CoverageTally(households: 1, servedHouseholds: 1))
    }

    @Test func centroidCanBeServedByALine() {
        // Given a concrete road along y = 500 (relative): 2000 m from the centroid, inclusive
        let road = F.work(
            "R1", .road, .lineString([F.p(Self.ox - 1000, Self.oy + 500), F.p(Self.ox + 7000, Self.oy + 500)]),
            surface: .concrete)
        #expect(Self.commune(statsHouseholds: 100, works: [road])?.ratio(.road) == 1)
    }
}
