import AtlasModel
import Testing

@Suite struct CoverageTallyTests {
    @Test func unknownHouseholdsWeighOne() {
        #expect(CoverageTally.weight(ofHouseholds: nil) == 1)
        #expect(CoverageTally.weight(ofHouseholds: 0) == 0)
        #expect(CoverageTally.weight(ofHouseholds: 250) == 250)
    }

    @Test func ratioIsHouseholdWeighted() {
        // Given villages of 100 (served), 300 (not served) and unknown households (served, weight 1)
        var tally = CoverageTally()
        tally.add(households: 100, served: true)
        tally.add(households: 300, served: false)
        tally.add(households: nil, served: true)
        // Then households = 100 + 300 + 1 = 401, served = 100 + 1 = 101, ratio 101/401
        #expect(tally == CoverageTally(households: 401, servedHouseholds: 101))
        #expect(tally.ratio == 101.0 / 401.0)
    }

    @Test func noHouseholdsMeansNoRatio() {
        // Given nothing to cover (no village, or only villages of 0 households)
        var tally = CoverageTally()
        #expect(tally.ratio == nil)
        tally.add(households: 0, served: true)
        // Then the ratio is unknown, not 0 and not 1
        #expect(tally.households == 0)
        #expect(tally.ratio == nil)
    }

    @Test func fullAndEmptyCoverageAreExact() {
        var all = CoverageTally(), none = CoverageTally()
        for h in [3, 7, 11] {
            all.add(households: h, served: true)
            none.add(households: h, served: false)
        }
        #expect(all.ratio == 1)
        #expect(none.ratio == 0)
    }
}
