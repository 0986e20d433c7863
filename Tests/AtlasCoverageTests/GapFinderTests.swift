import AtlasCoverage
import AtlasModel
import AtlasTestSupport
import Foundation
import GRDB
import Testing

@testable import AtlasStore

/// `gaps` on `GapsWorld`: which villages are unserved, how far the nearest serving work is, and
/// their estimated poor households, every number worked out by hand.
@Suite(.enabled(if: SpatiaLiteAvailability.isAvailable))
struct GapFinderTests {
    static func roadGaps() throws -> (AppDatabase, GapReport) {
        let database = try GapsFixture.makeWorld()
        return (database, try GapFinder().run(on: database, category: .road))
    }

    @Test func unservedVillagesMostPoorFirst() throws {
        let (_, report) = try Self.roadGaps()
        // C1 is served (R6 1000 m away); the others are not. Estimated poor: A2 90 (its own
        // figures), B 60 (the centroid holds all 400 households: 400 × 60/400), A1 100 × 12.5 % =
        // 12.5 → 13, A3 50 × 12.5 % = 6.25 → 6, C2 40 × 10 % = 4
        #expect(report.gaps.map(\.villageCode) == ["06100002", "06103", "06100001", "06100003", "06106002"])
        #expect(report.gaps.map(\.estimatedPoorHouseholds) == [90, 60, 13, 6, 4])
        #expect(report.gaps.map(\.poorBasis) == [.village, .communeRate, .communeRate, .communeRate, .communeRate])
        #expect(report.gaps.map(\.households) == [300, 400, 100, 50, 40])
        #expect(report.statsYear == 2020)
    }

    @Test func distanceIsToTheNearestServingWorkOnly() throws {
        let (_, report) = try Self.roadGaps()
        let distance = Dictionary(uniqueKeysWithValues: report.gaps.map { ($0.villageCode, $0.distanceM) })
        // A1: the earth road R2 is 500 m away but does not serve; concrete R1 is 3000 m away
        #expect(abs(try #require(distance["06100001"] ?? nil) - 3000) < 0.01)
        // A2: R3 (proposed, 1000 m) and R4 (admin_unit, 500 m) do not count; R1 is 3000 m away
        #expect(abs(try #require(distance["06100002"] ?? nil) - 3000) < 0.01)
        // B's centroid (15000, 5000) to R5's end (20000, 9000): √(5000² + 4000²) = 6403.12 m
        #expect(abs(try #require(distance["06103"] ?? nil) - 41_000_000.0.squareRoot()) < 0.01)
        // C2 (28000, 1000) to R6 (25000, 6000): √(3000² + 5000²) = 5830.95 m (R5 is 8000 m away)
        #expect(abs(try #require(distance["06106002"] ?? nil) - 34_000_000.0.squareRoot()) < 0.01)
        // A3 has no location: no distance, and a note says why
        let a3 = try #require(report.gaps.first { $0.villageCode == "06100003" })
        #expect(a3.distanceM == nil && a3.location == nil)
        #expect(a3.note?.contains("no location") == true)
    }

    @Test func communeWithoutVillagesIsOneVillageAtItsCentroid() throws {
        let (_, report) = try Self.roadGaps()
        let b = try #require(report.gaps.first { $0.communeCode == "06103" })
        #expect(b.isCentroid && b.villageCode == "06103" && b.villageName == "Xã B")
        #expect(b.note?.contains("centroid") == true)
        // Its map point is the centroid in lon/lat: back in metres it is (15000, 5000) from O
        let location = try #require(b.location)
        let metric = try CoordinateTransformer(from: 4326, to: 3405).transform(location)
        #expect(abs(metric.x - (GapsWorld.ox + 15_000)) < 0.01 && abs(metric.y - (GapsWorld.oy + 5000)) < 0.01)
    }

    @Test func distancesAgreeWithSpatiaLiteOnTheMetricCopies() throws {
        let (database, report) = try Self.roadGaps()
        // The nearest serving work of each located village, as GEOS measures the stored copies
        let nearest = ["06100001": "R1", "06100002": "R1", "06106002": "R6"]
        for (village, work) in nearest {
            let theirs = try database.dbWriter.read { db in
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT ST_Distance(MakePoint(v.metricX, v.metricY, 3405), w.metricGeometry)
                        FROM village v, work w WHERE v.code = ? AND w.id = ?
                        """, arguments: [village, work])
            }
            let mine = try #require(report.gaps.first { $0.villageCode == village }?.distanceM)
            #expect(abs(mine - (try #require(theirs))) < 1e-6, "\(village) to \(work)")
        }
    }

    @Test func aServedVillageIsNeverAGapAndAgreesWithCoverage() throws {
        let (database, report) = try Self.roadGaps()
        let coverage = try CoverageEngine().run(on: database)
        // For every commune, its unserved villages in the gaps list are its unserved ones in coverage
        for commune in coverage.communes {
            let villages = commune.villageCount, served = commune.servedVillages[.road] ?? 0
            #expect(report.gaps.filter { $0.communeCode == commune.code }.count == villages - served, "\(commune.code)")
        }
        #expect(!report.gaps.contains { $0.villageCode == "06106001" })
    }

    @Test func aYearWithoutStatisticsEstimatesNothing() throws {
        let database = try GapsFixture.makeWorld()
        // 2019 has no statistics at all: no rate, no estimate, no basis
        let report = try GapFinder().run(on: database, category: .road, statsYear: 2019)
        #expect(report.gaps.allSatisfy { $0.estimatedPoorHouseholds == nil && $0.poorBasis == nil })
        #expect(report.gaps.allSatisfy { $0.povertyRate == nil })
    }
}

/// The estimate by hand, without a database.
@Suite struct PoorHouseholdEstimateTests {
    static func stats(_ households: Int, _ poor: Int) -> YearStats {
        YearStats(year: 2020, code: "x", households: households, poorHouseholds: poor, nearPoorHouseholds: 0)
    }

    @Test func communeRateRoundsHalfUp() {
        // 100 × 125/1000 = 12.5 → 13; 300 × 125/1000 = 37.5 → 38; 50 × 125/1000 = 6.25 → 6
        let commune = Self.stats(1000, 125)
        #expect(PoorHouseholdEstimate.estimate(households: 100, village: nil, commune: commune)! == (13, .communeRate))
        #expect(PoorHouseholdEstimate.estimate(households: 300, village: nil, commune: commune)! == (38, .communeRate))
        #expect(PoorHouseholdEstimate.estimate(households: 50, village: nil, commune: commune)! == (6, .communeRate))
    }

    @Test func villageFiguresWin() {
        let estimate = PoorHouseholdEstimate.estimate(
            households: 300, village: Self.stats(300, 90), commune: Self.stats(1000, 125))
        #expect(estimate! == (90, .village))
    }

    @Test func nothingToEstimateFrom() {
        #expect(PoorHouseholdEstimate.estimate(households: nil, village: nil, commune: Self.stats(10, 1)) == nil)
        #expect(PoorHouseholdEstimate.estimate(households: 10, village: nil, commune: nil) == nil)
        #expect(PoorHouseholdEstimate.estimate(households: 10, village: nil, commune: Self.stats(0, 0)) == nil)
    }
}
