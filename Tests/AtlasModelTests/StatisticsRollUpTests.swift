import AtlasModel
import Testing

/// Every expected number here is worked out by hand in the comment above it.
@Suite struct StatisticsRollUpTests {
    typealias R = StatisticsRollUp
    typealias C = StatisticsRollUp.Counts
    typealias T = StatisticsRollUp.Target

    @Test func largestRemainderKeepsTheTotal() {
        // 10 / 3 = 3.33 each: floors 3 + 3 + 3, the one left goes to the first of the tied
        #expect(R.largestRemainder(10, weights: [1, 1, 1]) == [4, 3, 3])
        // quotas 3.5, 2.1, 1.4: floors 6, the one left to the largest remainder (.5)
        #expect(R.largestRemainder(7, weights: [0.5, 0.3, 0.2]) == [4, 2, 1])
        // shares 0.3 + 0.5 leave 20 % outside the listed units: 80 of 100 divided 30 : 50
        #expect(R.largestRemainder(100, weights: [0.3, 0.5], fraction: 0.8) == [30, 50])
        #expect(R.largestRemainder(0, weights: [1, 2]) == [0, 0])
    }

    @Test func partByShare() throws {
        // 1000 hh 60 : 40 → 600, 400; poor 333 → 199.8, 133.2 → 199 + 133 = 332, +1 to the first (.8)
        // near-poor 101 → 60.6, 40.4 → 60 + 40, +1 to the first (.6)
        let (basis, parts) = try R.divide(
            C(households: 1000, poor: 333, nearPoor: 101), oldCode: "06004",
            among: [T(code: "A", share: 0.6), T(code: "B", share: 0.4)])
        #expect(basis == .share)
        #expect(parts == [C(households: 600, poor: 200, nearPoor: 61), C(households: 400, poor: 133, nearPoor: 40)])
    }

    @Test func partByVillagesThenByArea() throws {
        // No shares: the old unit's village households lie 120 in A and 80 in B → 3 : 2
        let byVillages = try R.divide(
            C(households: 500, poor: 50, nearPoor: 25), oldCode: "X",
            among: [T(code: "A", villageHouseholds: 120, area: 1), T(code: "B", villageHouseholds: 80, area: 9)])
        #expect(byVillages.basis == .villages)
        #expect(byVillages.parts == [C(households: 300, poor: 30, nearPoor: 15), C(households: 200, poor: 20, nearPoor: 10)])
        // No villages either: areas 3 : 1; 401 hh → 300.75, 100.25 → 300 + 100, +1 to the first
        let byArea = try R.divide(
            C(households: 401, poor: 4, nearPoor: 0), oldCode: "X",
            among: [T(code: "A", villageHouseholds: 0, area: 3), T(code: "B", villageHouseholds: 0, area: 1)])
        #expect(byArea.basis == .area)
        #expect(byArea.parts == [C(households: 301, poor: 3, nearPoor: 0), C(households: 100, poor: 1, nearPoor: 0)])
    }

    @Test func aDividedUnitWithNothingToDivideByIsAnError() {
        #expect(throws: R.RollUpError.nothingToDivideBy(oldCode: "X")) {
            try R.divide(C(households: 1, poor: 0, nearPoor: 0), oldCode: "X", among: [T(code: "A"), T(code: "B")])
        }
    }

    @Test func stepAddsWholeUnitsDividesPartsAndLetsRecordedFiguresWin() throws {
        // A (100 hh, 10 poor) and B (200, 30) go whole into N; C (51, 5) is split 50 : 50 into N and M:
        // 25.5 each → 25 + 25, +1 to N (first); poor 2.5 each → 3 to N, 2 to M.
        // N = 100 + 200 + 26 = 326 hh, 10 + 30 + 3 = 43 poor, estimated (share); M = 25 hh, 2 poor.
        // D carries on under its own code. Q was recorded directly on the new units: it wins.
        let figures: [String: R.Figure] = [
            "A": .init(counts: C(households: 100, poor: 10, nearPoor: 1), estimatedBy: []),
            "B": .init(counts: C(households: 200, poor: 30, nearPoor: 2), estimatedBy: []),
            "C": .init(counts: C(households: 51, poor: 5, nearPoor: 0), estimatedBy: []),
            "D": .init(counts: C(households: 70, poor: 7, nearPoor: 7), estimatedBy: []),
            "P": .init(counts: C(households: 90, poor: 9, nearPoor: 9), estimatedBy: []),
        ]
        let targets: [String: [T]] = [
            "A": [T(code: "N")], "B": [T(code: "N")], "C": [T(code: "N", share: 0.5), T(code: "M", share: 0.5)],
            "P": [T(code: "Q")],
        ]
        let result = try R.step(
            counts: figures, targets: targets, recorded: ["Q": C(households: 95, poor: 8, nearPoor: 9)])
        #expect(result["N"] == .init(counts: C(households: 326, poor: 43, nearPoor: 3), estimatedBy: [.share]))
        #expect(result["M"] == .init(counts: C(households: 25, poor: 2, nearPoor: 0), estimatedBy: [.share]))
        #expect(result["D"] == .init(counts: C(households: 70, poor: 7, nearPoor: 7), estimatedBy: []))
        #expect(result["Q"] == .init(counts: C(households: 95, poor: 8, nearPoor: 9), estimatedBy: []))
        #expect(result["A"] == nil && result["C"] == nil)
        // The province total is kept: 100 + 200 + 51 + 70 = 421 = 326 + 25 + 70
        #expect(["N", "M", "D"].compactMap { result[$0]?.counts.households }.reduce(0, +) == 421)
    }

    @Test func anEstimateStaysMarkedThroughALaterWholeMerge() throws {
        let first = try R.step(
            counts: ["C": .init(counts: C(households: 10, poor: 1, nearPoor: 0), estimatedBy: [])],
            targets: ["C": [T(code: "N", villageHouseholds: 3), T(code: "M", villageHouseholds: 1)]])
        let second = try R.step(counts: first, targets: ["N": [T(code: "Z")], "M": [T(code: "Z")]])
        #expect(second["Z"] == R.Figure(counts: C(households: 10, poor: 1, nearPoor: 0), estimatedBy: [.villages]))
    }
}
