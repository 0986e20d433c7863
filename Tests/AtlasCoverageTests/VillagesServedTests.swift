import AtlasCoverage
import AtlasModel
import Testing

@Suite struct VillagesServedTests {
    typealias F = CoverageFixture

    /// Commune 00001 with village 00001001 at the origin and village 00001002 at (0, 50000).
    static func report(_ works: [F.Work], asOf: CalendarDate? = nil) -> CommuneCoverage? {
        let world = F.inputs(
            communes: [F.commune("00001", F.rectangle(-60_000, -60_000, 60_000, 60_000))],
            villages: [
                F.village("00001001", in: "00001", at: F.p(0, 0), households: 10),
                F.village("00001002", in: "00001", at: F.p(0, 50_000), households: 30),
            ], works: works)
        return CoverageEngine().compute(world, asOf: asOf).commune("00001")
    }

    @Test func farAwayServingWorkThatListsTheVillageServesIt() {
        // Given a completed water scheme 100 km away that lists village 00001002
        let scheme = F.work("W1", .water, .point(F.p(100_000, 0)), villagesServed: ["00001002"])
        // Then 00001002 (30 households) is served, 00001001 (10) is not: 30/40
        #expect(Self.report([scheme])?.tallies[.water] == CoverageTally(households: 40, servedHouseholds: 30))
    }

    @Test func nonServingWorkThatListsTheVillageDoesNotServe() {
        // Given a proposed scheme that lists both villages
        let scheme = F.work(
            "W1", .water, .point(F.p(0, 0)), status: .proposed, villagesServed: ["00001001", "00001002"])
        // Then nobody is served: listing is not service until the work serves
        #expect(Self.report([scheme])?.tallies[.water]?.servedHouseholds == 0)
    }

    @Test func listedRoadMustStillBePaved() {
        // Given a completed earth road listing village 00001001
        let road = F.work(
            "R1", .road, .lineString([F.p(0, 0), F.p(1, 1)]), surface: .earth, villagesServed: ["00001001"])
        #expect(Self.report([road])?.ratio(.road) == 0)
    }

    @Test func unknownListedCodeIsIgnored() {
        let scheme = F.work("W1", .water, .point(F.p(100_000, 0)), villagesServed: ["99999999"])
        #expect(Self.report([scheme])?.ratio(.water) == 0)
    }

    @Test func adminUnitLocationDoesNotServeByDistance() {
        // Given a completed clinic known only by its commune, placed right on village 00001001
        let clinic = F.work("H1", .health, .point(F.p(0, 0)), exactness: .adminUnit)
        // Then its guessed point serves nobody
        #expect(Self.report([clinic])?.ratio(.health) == 0)
    }

    @Test func adminUnitWorkStillServesTheVillagesItLists() {
        // Given the same clinic listing village 00001002 (50 km away)
        let clinic = F.work("H1", .health, .point(F.p(0, 0)), exactness: .adminUnit, villagesServed: ["00001002"])
        // Then 00001002 is served by the listing, 00001001 still not by the distance: 30/40
        #expect(Self.report([clinic])?.tallies[.health] == CoverageTally(households: 40, servedHouseholds: 30))
    }

    @Test func approximateLocationServesByDistance() {
        let clinic = F.work("H1", .health, .point(F.p(0, 4000)), exactness: .approximate)
        #expect(Self.report([clinic])?.tallies[.health]?.servedHouseholds == 10)
    }

    @Test func villageWithoutLocationIsServedOnlyByListing() throws {
        // Given a village with no coordinates, next to a clinic at the origin, and a scheme listing it
        let world = F.inputs(
            communes: [F.commune("00001")],
            villages: [F.village("00001001", in: "00001", at: nil, households: 5)],
            works: [
                F.work("H1", .health, .point(F.p(0, 0))),
                F.work("W1", .water, .point(F.p(90_000, 0)), villagesServed: ["00001001"]),
            ])
        let commune = try #require(CoverageEngine().compute(world).commune("00001"))
        // Then distance cannot serve it, the listing can; it is still a village (no centroid)
        #expect(commune.ratio(.health) == 0)
        #expect(commune.ratio(.water) == 1)
        #expect(commune.usesCentroid == false)
    }

    @Test func villagesWithoutLocationAreCounted() {
        // Given two villages without coordinates (listed by no work) and one with
        let world = F.inputs(
            communes: [F.commune("00001")],
            villages: [
                F.village("00001001", in: "00001", at: nil), F.village("00001002", in: "00001", at: nil),
                F.village("00001003", in: "00001", at: F.p(0, 0)),
            ], works: [])
        // Then the report says two villages can only be served by being listed
        #expect(CoverageEngine().compute(world).villagesWithoutLocation == 2)
    }
}
