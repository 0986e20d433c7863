import AtlasCoverage
import AtlasModel
import AtlasStore
import Foundation
import Testing

/// The plan 35/KH-UBND indicators (SPEC §3) on the `TargetsFixture` world: district 178 (A, B, C)
/// is not poor, district 179 (D, E) is poor_30a; C and D are difficult_135 (period 2016-2020);
/// statistics for 2015 (the baseline), 2018 and 2020.
///
/// Works (metres from O):
///
///     R1 road asphalt  to_commune_centre completed 2017-06-01  (500, 3500)–(9500, 3500)   in A
///     R2 road gravel   to_commune_centre completed 2017-06-01  (11000, 5500)–(19000, 5500) in B
///     R3 road asphalt  to_commune_centre proposed              (31000, 4500)–(39000, 4500) in D
///     R4 road concrete inter_commune     completed 2019-03-01  (31000, 9500)–(39000, 9500) in D
///     W1 water completed 2019-01-01 at (2000, 5500): 500 m from A1
///     W2 water completed 2019-01-01 at (35000, 8500): 500 m from D2
@Suite(.enabled(if: SpatiaLiteAvailability.isAvailable))
struct PlanTargetsTests {
    typealias F = TargetsFixture

    static let onePeriod = [
        "2016-2020,179,poor_30a", "2016-2020,06106,difficult_135", "2016-2020,06200,difficult_135",
    ]

    /// The next period: district 179 and commune C are no longer listed, D still is.
    static let twoPeriods = onePeriod + ["2021-2025,06200,difficult_135"]

    static func works(roadClass: String = "to_commune_centre") -> [String] {
        [
            F.work(
                "R1", programme: "30a", category: "road", surface: "asphalt", roadClass: roadClass,
                completedOn: "2017-06-01", wkt: F.line((500, 3500), (9500, 3500))),
            F.work(
                "R2", category: "road", surface: "gravel", roadClass: roadClass, completedOn: "2017-06-01",
                wkt: F.line((11_000, 5500), (19_000, 5500))),
            F.work(
                "R3", programme: "30a", category: "road", status: "proposed", surface: "asphalt",
                roadClass: roadClass, completedOn: "", wkt: F.line((31_000, 4500), (39_000, 4500))),
            F.work(
                "R4", programme: "135", category: "road", surface: "concrete", roadClass: "inter_commune",
                completedOn: "2019-03-01", wkt: F.line((31_000, 9500), (39_000, 9500))),
            F.work("W1", programme: "135", category: "water", completedOn: "2019-01-01", wkt: F.point(2000, 5500)),
            F.work("W2", programme: "135", category: "water", completedOn: "2019-01-01", wkt: F.point(35_000, 8500)),
        ]
    }

    static func database(
        classifications: [String] = onePeriod, roadClass: String = "to_commune_centre"
    ) throws
        -> AppDatabase
    {
        try F.importWorld(classifications: classifications, works: works(roadClass: roadClass)).database
    }

    static func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    // MARK: The report's shape

    @Test func elevenIndicatorsPerScopeAndTheDifficultGroup() throws {
        // Given the world; When the targets run for the latest year (2020)
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province, each district (by code) and the difficult_135 group (P1 only):
        // 3 scopes × 11 indicators + 1 = 34
        #expect(results.count == 34)
        let ids = ["P1", "P2", "P3", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"]
        #expect(results.filter { $0.scope == "province" }.map(\.id) == ids)
        #expect(results.filter { $0.scope == "178" }.map(\.id) == ids)
        #expect(results.filter { $0.scope == "179" }.map(\.id) == ids)
        #expect(results.filter { $0.scope == "difficult_135" }.map(\.id) == ["P1"])
        #expect(results.first { $0.scope == "178" }?.scopeName == "Văn Quan")
        #expect(results.first { $0.scope == "province" }?.scopeName == "Toàn tỉnh")
    }

    // MARK: P1 poverty rate reduction per year

    @Test func p1PointsPerYearMetAndBehindAgainstThreeAndFour() throws {
        // Given the world; When the targets run for 2020 (baseline 2015, 5 years)
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: 1000/4000 = 25 % → 360/4000 = 9 %: (25 − 9)/5 = 3.2 ≥ 3 → met
        let province = try #require(results.result("P1", "province"))
        #expect(Self.close(province.value, 3.2))
        #expect(province.status == .met)
        #expect(province.band == "≥ 3 points/year")
        #expect(province.unit == "points/year")
        #expect(province.basis == "25.00 % in 2015 → 9.00 % in 2020")
        // District 178 (not poor): 600/3000 = 20 % → 130/3000 = 4.333 %: 15.667/5 = 3.1333 ≥ 3 → met
        let d178 = try #require(results.result("P1", "178"))
        #expect(Self.close(d178.value, (20 - 130.0 / 30) / 5))
        #expect(d178.status == .met)
        #expect(d178.band == "≥ 3 points/year")
        // District 179 (poor_30a): 400/1000 = 40 % → 230/1000 = 23 %: 17/5 = 3.4, which would meet 3
        // but the poor district's target is 4 → behind
        let d179 = try #require(results.result("P1", "179"))
        #expect(Self.close(d179.value, 3.4))
        #expect(d179.status == .behind)
        #expect(d179.band == "≥ 4 points/year")
        #expect(d179.basis == "40.00 % in 2015 → 23.00 % in 2020")
    }

    @Test func p1In2018OverThreeYears() throws {
        // When the targets run for 2018 (3 years after 2015)
        let results = try PlanTargets().run(on: try Self.database(), year: 2018)
        // Then the province: 25 % → 620/4000 = 15.5 %: 9.5/3 = 3.1667 → met
        #expect(Self.close(results.result("P1", "province")?.value, 9.5 / 3))
        #expect(results.result("P1", "province")?.status == .met)
        // District 178: 20 % → 300/3000 = 10 %: 10/3 = 3.333 → met; 179: 40 % → 32 %: 8/3 = 2.667 < 4 → behind
        #expect(Self.close(results.result("P1", "178")?.value, 10.0 / 3))
        #expect(results.result("P1", "178")?.status == .met)
        #expect(Self.close(results.result("P1", "179")?.value, 8.0 / 3))
        #expect(results.result("P1", "179")?.status == .behind)
    }

    @Test func p1DifficultGroupHasTargetFour() throws {
        // Given C (1000 hh) and D (500 hh) flagged difficult_135 in 2016-2020
        let results = try PlanTargets().run(on: try Self.database())
        // Then the group: (100 + 200)/1500 = 20 % in 2015 → (10 + 50)/1500 = 4 % in 2020:
        // 16/5 = 3.2 points/year, enough for 3 but not for the group's 4 → behind
        let group = try #require(results.result("P1", "difficult_135"))
        #expect(Self.close(group.value, 3.2))
        #expect(group.status == .behind)
        #expect(group.band == "≥ 4 points/year")
        #expect(group.scopeName == "Xã đặc biệt khó khăn (135)")
        #expect(group.basis == "20.00 % in 2015 → 4.00 % in 2020")
    }

    // MARK: P2 poverty rate in 2020

    @Test func p2MetAndBehindIn2020() throws {
        // When the targets run for 2020
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: 360/4000 = 9 % ≤ 11.5 → met
        let province = try #require(results.result("P2", "province"))
        #expect(Self.close(province.value, 9))
        #expect(province.status == .met)
        #expect(province.basis == "360 poor of 4000 households in 2020")
        #expect(province.band == "≈ 11 % in 2020 (≤ 11.5 %)")
        // District 178: 130/3000 = 4.333 % → met; 179: 230/1000 = 23 % in the target year → behind
        #expect(Self.close(results.result("P2", "178")?.value, 130.0 / 30))
        #expect(results.result("P2", "178")?.status == .met)
        #expect(Self.close(results.result("P2", "179")?.value, 23))
        #expect(results.result("P2", "179")?.status == .behind)
    }

    @Test func p2OnTrackIn2018WhenTheStraightLineReachesTheBand() throws {
        // When the targets run for 2018
        let results = try PlanTargets().run(on: try Self.database(), year: 2018)
        // Then the province: 15.5 % > 11.5, but the line from 25 % (2015) through 15.5 % (2018)
        // reaches 25 + (15.5 − 25)/3 × 5 = 9.17 % by 2020 ≤ 11.5 → on_track
        let province = try #require(results.result("P2", "province"))
        #expect(Self.close(province.value, 15.5))
        #expect(province.status == .onTrack)
        // District 178: 10 % ≤ 11.5 → met already
        #expect(results.result("P2", "178")?.status == .met)
        // District 179: 32 %; 40 + (32 − 40)/3 × 5 = 26.67 % by 2020 > 11.5 → behind
        #expect(Self.close(results.result("P2", "179")?.value, 32))
        #expect(results.result("P2", "179")?.status == .behind)
    }

    // MARK: P3 households leaving poverty

    @Test func p3NetChangeAndDistrictShareOf27000() throws {
        // When the targets run for 2020
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: 1000 − 360 = 640 households, not > 27,000 (and 2020 is the target year) → behind
        let province = try #require(results.result("P3", "province"))
        #expect(province.value == 640)
        #expect(province.band == "> 27,000")
        #expect(province.status == .behind)
        #expect(province.indicator == "households leaving poverty since 2015")
        #expect(province.basis == "1000 poor households in 2015, 360 in 2020 (net change)")
        // District 178: 600 − 130 = 470; its share 27000 × 600/1000 = 16200
        let d178 = try #require(results.result("P3", "178"))
        #expect(d178.value == 470)
        #expect(d178.band == "> 16200 (share of 27,000)")
        #expect(d178.status == .behind)
        // District 179: 400 − 230 = 170; its share 27000 × 400/1000 = 10800
        let d179 = try #require(results.result("P3", "179"))
        #expect(d179.value == 170)
        #expect(d179.band == "> 10800 (share of 27,000)")
        #expect(d179.status == .behind)
    }

    @Test func p3In2018() throws {
        // When the targets run for 2018: the province 1000 − 620 = 380, heading for 380/3 × 5 = 633
        // by 2020, far from 27,000 → behind
        let results = try PlanTargets().run(on: try Self.database(), year: 2018)
        #expect(results.result("P3", "province")?.value == 380)
        #expect(results.result("P3", "province")?.status == .behind)
        #expect(results.result("P3", "179")?.value == 80)
    }

    // MARK: T1 hardened road to the commune centre

    @Test func t1OneCommuneOfFiveHasAHardenedServingRoad() throws {
        // Given R1 (asphalt, completed) in A; R2 is gravel, R3 only proposed, R4 not to_commune_centre
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: 1 of 5 communes = 20 % < 80 → behind
        let province = try #require(results.result("T1", "province"))
        #expect(Self.close(province.value, 20))
        #expect(province.status == .behind)
        #expect(province.band == "80–90 %")
        #expect(province.basis == "1 of 5 communes, completed by the end of 2020")
        // District 178: 1 of 3 = 33.33 %; 179: 0 of 2 = 0 % (both behind)
        #expect(Self.close(results.result("T1", "178")?.value, 100.0 / 3))
        #expect(results.result("T1", "178")?.status == .behind)
        #expect(results.result("T1", "179")?.value == 0)
        #expect(results.result("T1", "179")?.status == .behind)
    }

    @Test func t1In2018ProjectsFromTheBaseline() throws {
        // When the targets run for 2018: R1 (2017-06-01) serves, 20 %; none by the end of 2015 (0 %):
        // 0 + 20/3 × 5 = 33.3 % by 2020 < 80 → behind
        let results = try PlanTargets().run(on: try Self.database(), year: 2018)
        #expect(Self.close(results.result("T1", "province")?.value, 20))
        #expect(results.result("T1", "province")?.status == .behind)
        #expect(results.result("T1", "province")?.basis == "1 of 5 communes, completed by the end of 2018")
    }

    @Test func t1NoDataWithoutRoadClassToCommuneCentre() throws {
        // Given the same roads classified inter_commune (none to_commune_centre)
        let results = try PlanTargets().run(on: try Self.database(roadClass: "inter_commune"))
        // Then T1 is no_data everywhere, and says why
        for scope in ["province", "178", "179"] {
            let t1 = try #require(results.result("T1", scope))
            #expect(t1.status == .noData)
            #expect(t1.value == nil)
            #expect(t1.basis == "no road carries road_class to_commune_centre")
        }
    }

    // MARK: T2 villages reached by a hardened road

    @Test func t2VillagesWithin2000MetresOfAnAllSeasonRoad() throws {
        // Given the five villages (C and E stand at centroids and are not villages):
        //  A1 (2000, 5000), A2 (8000, 5000): 1500 m from R1 (asphalt) → served
        //  B1 (15000, 5000): 500 m from R2 but gravel; 5701 m from R1's end (9500, 3500) → not
        //  D1 (35000, 5000): 500 m from R3 but proposed; 4500 m from R4 → not
        //  D2 (35000, 9000): 500 m from R4 (concrete, completed 2019) → served
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: 3 of 5 = 60 % < 70 → behind
        let province = try #require(results.result("T2", "province"))
        #expect(Self.close(province.value, 60))
        #expect(province.status == .behind)
        #expect(province.band == "70–80 %")
        #expect(province.basis == "3 of 5 villages within 2000 m of an asphalt or concrete road")
        // District 178: A1, A2 of A1, A2, B1 = 66.67 %; 179: D2 of D1, D2 = 50 %
        #expect(Self.close(results.result("T2", "178")?.value, 200.0 / 3))
        #expect(results.result("T2", "178")?.status == .behind)
        #expect(Self.close(results.result("T2", "179")?.value, 50))
        #expect(results.result("T2", "179")?.status == .behind)
    }

    @Test func t2In2018BeforeR4WasCompleted() throws {
        // When the targets run for 2018: only R1 serves (R4 is completed 2019-03-01): 2 of 5 = 40 %;
        // from 0 % in 2015, 0 + 40/3 × 5 = 66.7 % by 2020 < 70 → behind
        let results = try PlanTargets().run(on: try Self.database(), year: 2018)
        #expect(Self.close(results.result("T2", "province")?.value, 40))
        #expect(results.result("T2", "province")?.status == .behind)
        #expect(results.result("T2", "179")?.value == 0)
    }

    // MARK: T3–T6 have no data source

    @Test func t3ToT6AreAlwaysNoDataWithABasis() throws {
        let results = try PlanTargets().run(on: try Self.database())
        let why = [
            "T3": "health works carry no meets_national_criteria attribute",
            "T4": "no data on health-insurance treatment at commune health stations",
            "T5": "no data on school standards",
            "T6": "no irrigated area (irrigated_ha) or crop demand data",
        ]
        for scope in ["province", "178", "179"] {
            for (id, basis) in why {
                let r = try #require(results.result(id, scope))
                #expect(r.status == .noData, "\(id) \(scope)")
                #expect(r.value == nil, "\(id) \(scope)")
                #expect(r.basis == basis, "\(id) \(scope)")
            }
        }
    }

    // MARK: T7 poor households with water

    @Test func t7EstimatesPoorHouseholdsTimesCommuneWaterCoverage() throws {
        // Given water coverage in 2020 (1000 m):
        //  A: W1 is 500 m from A1 (100 hh), 6000+ m from A2 (300 hh) → 100/400 = 0.25
        //  D: W2 is 500 m from D2 (300 hh), 3500 m from D1 (200 hh) → 300/500 = 0.6
        //  B (B1), C and E (centroids) → 0
        let results = try PlanTargets().run(on: try Self.database())
        // Then the province: (80 × 0.25 + 50 × 0.6) / 360 = (20 + 30)/360 = 13.89 % < 95 → behind
        let province = try #require(results.result("T7", "province"))
        #expect(Self.close(province.value, 50.0 / 360 * 100))
        #expect(province.status == .behind)
        #expect(province.band == "95 %")
        #expect(province.basis == "50 of 360 poor households, by commune water coverage")
        // District 178: 20/130 = 15.38 %; 179: 30/230 = 13.04 %
        #expect(Self.close(results.result("T7", "178")?.value, 20.0 / 130 * 100))
        #expect(Self.close(results.result("T7", "179")?.value, 30.0 / 230 * 100))
        #expect(results.result("T7", "179")?.basis == "30 of 230 poor households, by commune water coverage")
    }

    // MARK: T8 leaving poor / difficult status

    @Test func t8NoDataWithOnePeriod() throws {
        // Given only the 2016-2020 lists
        let results = try PlanTargets().run(on: try Self.database())
        // Then leaving cannot be seen
        for scope in ["province", "178", "179"] {
            let t8 = try #require(results.result("T8", scope))
            #expect(t8.status == .noData)
            #expect(t8.value == nil)
            #expect(
                t8.basis
                    == "classifications of one programme period only (2016-2020); "
                    + "leaving needs the next period's lists")
        }
    }

    @Test func t8CountsUnitsLeavingBetweenTwoPeriods() throws {
        // Given 2021-2025 lists without district 179 and without commune C (D stays difficult_135)
        let results = try PlanTargets().run(on: try Self.database(classifications: Self.twoPeriods))
        // Then the province: 1 district (179) + 1 commune (C) = 2, short of ≥ 1 district and ≈ 40 communes
        let province = try #require(results.result("T8", "province"))
        #expect(province.value == 2)
        #expect(province.status == .behind)
        #expect(province.basis == "1 districts and 1 communes left between 2016-2020 and 2021-2025")
        // District 178 counts its own commune C, not district 179: 0 + 1 = 1
        let d178 = try #require(results.result("T8", "178"))
        #expect(d178.value == 1)
        #expect(d178.basis == "0 districts and 1 communes left between 2016-2020 and 2021-2025")
        // District 179 counts itself (D stays listed): 1 + 0 = 1
        let d179 = try #require(results.result("T8", "179"))
        #expect(d179.value == 1)
        #expect(d179.basis == "1 districts and 0 communes left between 2016-2020 and 2021-2025")
        // And 2020 still belongs to 2016-2020: 179 keeps its poor-district target 4 for P1
        #expect(results.result("P1", "179")?.band == "≥ 4 points/year")
    }

    // MARK: Commune target fields

    @Test func communeTargetFieldsChangePerYearAndStatus() throws {
        // Given the world's statistics, classifications and communes
        let database = try Self.database()
        let fields = CommuneTargetFields.compute(
            stats: try database.allStatistics(), classifications: try database.allClassifications(),
            communes: try database.units(kind: .commune), year: 2020)
        // Then D (difficult_135, in poor district 179): 200/500 = 40 % → 50/500 = 10 %:
        // (0.40 − 0.10) × 100 / 5 = 6 points/year ≥ 4 → met
        let d = try #require(fields["06200"])
        #expect(d.baselineYear == 2015)
        #expect(Self.close(d.baselineRate, 0.4))
        #expect(Self.close(d.changePerYear, 6))
        #expect(d.target == 4)
        #expect(d.status == .met)
        // E (poor district only): 40 % → 36 %: 0.8 < 4 → behind
        #expect(Self.close(fields["06203"]?.changePerYear, 0.8))
        #expect(fields["06203"]?.target == 4)
        #expect(fields["06203"]?.status == .behind)
        // A (neither): 30 % → 8 %: 4.4 ≥ 3 → met; C (difficult_135 in 178): 10 % → 1 %: 1.8 < 4 → behind
        #expect(Self.close(fields["06100"]?.changePerYear, 4.4))
        #expect(fields["06100"]?.target == 3)
        #expect(fields["06100"]?.status == .met)
        #expect(Self.close(fields["06106"]?.changePerYear, 1.8))
        #expect(fields["06106"]?.target == 4)
        #expect(fields["06106"]?.status == .behind)
        #expect(fields.count == 5)
    }

    @Test func communeTargetFieldsForTheBaselineYearHaveNoChange() throws {
        // Given year = the baseline year 2015: no span to measure a change over
        let database = try Self.database()
        let fields = CommuneTargetFields.compute(
            stats: try database.allStatistics(), classifications: try database.allClassifications(),
            communes: try database.units(kind: .commune), year: 2015)
        // Then no change and no_data, but the baseline rate (30 % for A) is there
        #expect(fields["06100"]?.changePerYear == nil)
        #expect(fields["06100"]?.status == .noData)
        #expect(Self.close(fields["06100"]?.baselineRate, 0.3))
    }
}

extension [IndicatorResult] {
    func result(_ id: String, _ scope: String) -> IndicatorResult? {
        first { $0.id == id && $0.scope == scope }
    }
}
