import AtlasCoverage
import AtlasModel
import AtlasTestSupport
import Foundation
import Testing

/// The ranking of `GapsWorld`'s communes for roads, by hand. Unserved per commune:
/// A 3 villages, 100 + 300 + 50 = 450 households, 13 + 90 + 6 = 109 poor, no flag;
/// B its centroid, 400 households, 60 poor, no flag; C C2 only, 40 households, 4 poor, difficult_135.
@Suite(.enabled(if: SpatiaLiteAvailability.isAvailable))
struct PriorityRankingTests {
    static func report() throws -> GapReport {
        try GapFinder().run(on: try GapsFixture.makeWorld(), category: .road)
    }

    @Test func standardWeightsByHand() throws {
        // Given the standard weights (poor 1, households 0.1, bonus 0.25)
        let ranking = PriorityRanking.rank(try Self.report(), weights: .standard)
        // Then A = 109 + 45 = 154, B = 60 + 40 = 100, C = (4 + 4) × 1.25 = 10
        #expect(ranking.map(\.commune.code) == ["06100", "06103", "06106"])
        #expect(ranking.map(\.rank) == [1, 2, 3])
        #expect(ranking.map(\.score) == [154, 100, 10])
        let c = ranking[2]
        #expect(c.unservedVillages == 1 && c.unservedHouseholds == 40 && c.unservedPoorHouseholds == 4)
        #expect(c.eligible && c.commune.flags == [.difficult135])
        #expect(c.poorPart == 4 && c.householdsPart == 4 && c.eligibleBonusPart == 2)
        #expect(ranking[0].unservedVillages == 3 && ranking[0].unservedHouseholds == 450)
        #expect(ranking[0].unservedPoorHouseholds == 109 && !ranking[0].eligible)
        #expect(ranking[0].commune.povertyRate == 0.125)
    }

    @Test func otherWeightsChangeTheOrder() throws {
        // Given households only, and a large bonus for flagged communes
        let weights = PriorityWeights(unservedPoorHouseholds: 0, unservedHouseholds: 1, eligibleBonus: 10)
        let ranking = PriorityRanking.rank(try Self.report(), weights: weights)
        // Then A = 450, C = 40 × 11 = 440, B = 400: C climbs above B
        #expect(ranking.map(\.commune.code) == ["06100", "06106", "06103"])
        #expect(ranking.map(\.score) == [450, 440, 400])
    }

    @Test func equalScoresGoInCodeOrder() throws {
        // Given a report where every commune is served (no gaps)
        var report = try Self.report()
        report.gaps = []
        // Then all score 0 and stand in code order
        let ranking = PriorityRanking.rank(report, weights: .standard)
        #expect(ranking.map(\.commune.code) == ["06100", "06103", "06106"])
        #expect(ranking.allSatisfy { $0.score == 0 })
    }
}
