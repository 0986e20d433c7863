import AtlasCoverage
import AtlasModel
import Testing

/// Two communes side by side: A = [0, 10000] × [0, 10000], B = [10000, 20000] × [0, 10000].
@Suite struct CrossBorderServiceTests {
    typealias F = CoverageFixture

    static let communes = [
        F.commune("00001", F.rectangle(0, 0, 10_000, 10_000)),
        F.commune("00002", F.rectangle(10_000, 0, 20_000, 10_000)),
    ]

    @Test func clinicOfTheNeighbouringCommuneServes() throws {
        // Given a village of A at (8000, 5000) and a completed clinic inside B at (12000, 5000),
        // counted in B's works
        let world = F.inputs(
            communes: Self.communes,
            villages: [F.village("00001001", in: "00001", at: F.p(8000, 5000), households: 40)],
            works: [F.work("H1", .health, .point(F.p(12_000, 5000)))], workCounts: ["00002": [.health: 1]])
        // When coverage is computed
        let report = CoverageEngine().compute(world)
        // Then the village of A is served: 4000 m ≤ 5000 m, whatever the clinic's commune
        let a = try #require(report.commune("00001"))
        #expect(a.tallies[.health] == CoverageTally(households: 40, servedHouseholds: 40))
        #expect(a.workCounts[.health] == nil)
        #expect(try #require(report.commune("00002")).workCounts[.health] == 1)
    }

    @Test func workOutsideEveryCommuneServesToo() throws {
        // Given a clinic south of both communes, at (5000, −3000): it belongs to no commune
        let world = F.inputs(
            communes: Self.communes, villages: [F.village("00001001", in: "00001", at: F.p(5000, 1000))],
            works: [F.work("H1", .health, .point(F.p(5000, -3000)))])
        // Then the village 4000 m north is served all the same (WORKLOAD rule 2: commune null still serves)
        #expect(CoverageEngine().compute(world).commune("00001")?.ratio(.health) == 1)
    }

    @Test func villageBelongsToItsListedCommuneNotToWhereItLies() throws {
        // Given a village whose listed commune is B although its point lies inside A
        let world = F.inputs(
            communes: Self.communes, villages: [F.village("00002001", in: "00002", at: F.p(1000, 1000), households: 7)],
            works: [F.work("W1", .water, .point(F.p(1000, 1500)))])
        let report = CoverageEngine().compute(world)
        // Then its households count for B, and A — left without villages — falls back to its centroid
        #expect(report.commune("00002")?.tallies[.water] == CoverageTally(households: 7, servedHouseholds: 7))
        #expect(report.commune("00002")?.usesCentroid == false)
        #expect(report.commune("00001")?.usesCentroid == true)
    }
}
