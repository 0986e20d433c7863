import AtlasCoverage
import AtlasModel
import Testing

@Suite struct HouseholdWeightingTests {
    typealias F = CoverageFixture

    /// Commune 00001 with villages of 100 households at (20000, 0), 300 at the origin and an
    /// unknown count (weight 1) at (0, 20000); one completed clinic at (1000, 0).
    static let world = F.inputs(
        communes: [F.commune("00001", F.rectangle(-30_000, -30_000, 30_000, 30_000))],
        villages: [
            F.village("00001001", in: "00001", at: F.p(20_000, 0), households: 100),
            F.village("00001002", in: "00001", at: F.p(0, 0), households: 300),
            F.village("00001003", in: "00001", at: F.p(0, 20_000), households: nil),
        ],
        works: [F.work("H1", .health, .point(F.p(1000, 0)))],
        workCounts: ["00001": [.health: 1, .road: 4, .school: 2]])

    @Test func onlyThe300HouseholdVillageIsServed() throws {
        // When coverage is computed
        let commune = try #require(CoverageEngine().compute(Self.world).commune("00001"))
        // Then the clinic is 1000 m from the 300 village, 19 000 m from the 100 village and
        // √(1000² + 20000²) ≈ 20 025 m from the third: served 300 of 100 + 300 + 1 = 401
        #expect(commune.tallies[.health] == CoverageTally(households: 401, servedHouseholds: 300))
        #expect(commune.ratio(.health) == 300.0 / 401.0)
        #expect(commune.usesCentroid == false)
    }

    @Test func categoriesWithoutWorksHaveRatioZeroNotNil() throws {
        let commune = try #require(CoverageEngine().compute(Self.world).commune("00001"))
        // Every category has a tally over the same 401 households
        for category in WorkCategory.allCases where category != .health {
            #expect(commune.tallies[category] == CoverageTally(households: 401, servedHouseholds: 0))
            #expect(commune.ratio(category) == 0)
        }
    }

    @Test func workCountsArePassedThrough() throws {
        let report = CoverageEngine().compute(Self.world)
        let commune = try #require(report.commune("00001"))
        #expect(commune.workCounts == [.health: 1, .road: 4, .school: 2])
        #expect(commune.districtCode == "178")
        #expect(report.statsYear == 2020)
    }

    @Test func communeMissingFromWorkCountsHasNone() throws {
        let world = F.inputs(communes: [F.commune("00007")], villages: [], works: [], workCounts: ["00001": [.road: 1]])
        #expect(CoverageEngine().compute(world).commune("00007")?.workCounts == [:])
    }

    @Test func zeroHouseholdVillageWeighsNothing() throws {
        // Given a served village of 0 households and an unserved one of 20
        let world = F.inputs(
            communes: [F.commune("00001")],
            villages: [
                F.village("00001001", in: "00001", at: F.p(0, 0), households: 0),
                F.village("00001002", in: "00001", at: F.p(9000, 0), households: 20),
            ], works: [F.work("W1", .water, .point(F.p(0, 0)))])
        // Then the ratio is 0/20, not 1/21
        #expect(
            CoverageEngine().compute(world).commune("00001")?.tallies[.water]
                == CoverageTally(households: 20, servedHouseholds: 0))
    }

    @Test func communesComeInInputOrderEachWithItsOwnVillages() {
        // Given three communes (as the store gives them, sorted by code) and villages of two of them
        let world = F.inputs(
            communes: [F.commune("00001"), F.commune("00002"), F.commune("00003", statsHouseholds: 9)],
            villages: [
                F.village("00001001", in: "00001", at: F.p(0, 0), households: 2),
                F.village("00002001", in: "00002", at: F.p(0, 0), households: 3),
                F.village("00002002", in: "00002", at: F.p(0, 0), households: 4),
                F.village("00009001", in: "00009", at: F.p(0, 0), households: 1000),
            ], works: [])
        let report = CoverageEngine().compute(world)
        // Then each commune sums only its villages; a village of an unknown commune is dropped
        #expect(report.communes.map(\.code) == ["00001", "00002", "00003"])
        #expect(report.communes.map { $0.tallies[.road]?.households } == [2, 7, 9])
        #expect(report.communes.map(\.usesCentroid) == [false, false, true])
    }
}
