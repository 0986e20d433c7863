import AtlasCoverage
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Two vintages of one strip-shaped province (106.0–106.3 E, 21.0–21.1 N):
///
///     2017 (from the beginning):  A 00001 [106.00–106.10]  B 00002 [106.10–106.20]  C 00003 [106.20–106.30]
///     2025-07-01 (no districts):  Y 00009 [106.00–106.15]  X 00001 [106.15–106.30]
///
/// A went wholly into Y, C wholly into X, B was divided between them; 00001 is reused with a
/// new meaning. Village points of B: 60 households at 106.12 (in Y), 120 at 106.18 (in X).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct UnitsThroughTimeTests {
    static func strip(_ x0: Double, _ x1: Double) -> String {
        "[[[\(x0),21.0],[\(x1),21.0],[\(x1),21.1],[\(x0),21.1],[\(x0),21.0]]]"
    }

    static func unit(_ code: String, _ name: String, _ kind: String, _ parent: String, _ x0: Double, _ x1: Double)
        -> String
    {
        """
        {"type":"Feature","properties":{"code":"\(code)","name":"\(name)","kind":"\(kind)","type":"Xã","parent_code":"\(parent)"},\
        "geometry":{"type":"Polygon","coordinates":\(strip(x0, x1))}}
        """
    }

    static let units2017 = Fixtures.featureCollection([
        unit("20", "Tỉnh Thử", "province", "", 106.0, 106.3), unit("178", "Huyện Cũ", "district", "20", 106.0, 106.3),
        unit("00001", "Xã A", "commune", "178", 106.0, 106.1), unit("00002", "Xã B", "commune", "178", 106.1, 106.2),
        unit("00003", "Xã C", "commune", "178", 106.2, 106.3),
    ])
    static let units2025 = Fixtures.featureCollection([
        unit("20", "Tỉnh Thử", "province", "", 106.0, 106.3),
        unit("00009", "Xã Y", "commune", "20", 106.0, 106.15), unit("00001", "Xã X", "commune", "20", 106.15, 106.3),
    ])
    static func successions(bShares: (String, String) = ("", "")) -> String {
        """
        old_code,new_code,effective_on,relation,share
        00001,00009,2025-07-01,whole,
        00002,00009,2025-07-01,part,\(bShares.0)
        00002,00001,2025-07-01,part,\(bShares.1)
        00003,00001,2025-07-01,whole,

        """
    }
    static let villages = """
        code,commune_code,name,lon,lat,households
        00002001,00002,Thôn Tây,106.12,21.05,60
        00002002,00002,Thôn Đông,106.18,21.05,120

        """
    static let stats2018 = """
        year,code,households,poor_households,near_poor_households
        2018,00001,100,30,10
        2018,00002,201,41,20
        2018,00003,50,5,5

        """

    struct World {
        let directory: URL
        let database: AppDatabase
        var importer: Importer { Importer(database: database) }

        func write(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static let july2025 = try! CalendarDate(iso: "2025-07-01")
    static let end2019 = try! CalendarDate(iso: "2019-12-31")

    func makeWorld(villages: Bool = true, bShares: (String, String) = ("", "")) throws -> World {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("worksatlas-time-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let world = World(
            directory: directory, database: try AppDatabase(path: directory.appendingPathComponent("a.sqlite").path))
        _ = try world.importer.importUnits(from: try world.write("u2017.geojson", Self.units2017))
        if villages { _ = try world.importer.importVillages(from: try world.write("v.csv", Self.villages)) }
        _ = try world.importer.importStatistics(from: try world.write("s.csv", Self.stats2018))
        _ = try world.importer.importUnits(
            from: try world.write("u2025.geojson", Self.units2025), validFrom: Self.july2025)
        _ = try world.importer.importSuccessions(
            from: try world.write("succ.csv", Self.successions(bShares: bShares)))
        return world
    }

    @Test func eachVintageIsKeptWithItsValidity() throws {
        // Given both vintages imported, the later one from 2025-07-01
        let world = try makeWorld()
        defer { world.remove() }
        // Then the 2017 units end the day before and the reused code 00001 exists twice
        let vintages = try world.database.vintages()
        #expect(vintages.map { $0.validFrom?.description ?? "-" } == ["-", "2025-07-01"])
        #expect(vintages.map { $0.validTo?.description ?? "-" } == ["2025-06-30", "-"])
        #expect(vintages.map(\.communes) == [3, 2])
        #expect(vintages.map(\.districts) == [1, 0])
        // And each date sees its own units: the latest by default
        #expect(try world.database.units(kind: .commune).map(\.name) == ["Xã X", "Xã Y"])
        #expect(try world.database.onUnits(Self.end2019).units(kind: .commune).map(\.name) == ["Xã A", "Xã B", "Xã C"])
        #expect(try world.database.units(kind: .district).isEmpty)
        #expect(try world.database.onUnits(Self.end2019).units(kind: .district).map(\.code) == ["178"])
    }

    @Test func aDividedCommuneIsSplitByItsVillagesWithLargestRemainder() throws {
        // Given B's villages: 60 households in Y, 120 in X (1/3 : 2/3)
        let world = try makeWorld()
        defer { world.remove() }
        // When 2018 is read on the 2025 units
        let stats = Dictionary(uniqueKeysWithValues: try world.database.allStatistics().map { ($0.code, $0) })
        // Then B's 201 households go 67 / 134; poor 41 → quotas 13.67 / 27.33 → 13+1 / 27;
        // near-poor 20 → 6.67 / 13.33 → 6+1 / 13. Y = A + B's part, X = C + B's part.
        let y = try #require(stats["00009"]), x = try #require(stats["00001"])
        #expect([y.households, y.poorHouseholds, y.nearPoorHouseholds] as [Int] == [167, 44, 17])
        #expect([x.households, x.poorHouseholds, x.nearPoorHouseholds] as [Int] == [184, 32, 18])
        #expect(y.estimatedBy == [.villages] && x.estimatedBy == [.villages])
        // And the old totals are kept exactly: 351 households, 76 poor, 35 near-poor
        #expect(y.households + x.households == 351 && y.poorHouseholds + x.poorHouseholds == 76)
        // And on the 2017 units the recorded figures are unchanged and not estimated
        let old = try world.database.onUnits(Self.end2019).allStatistics()
        #expect(old.map(\.households) == [100, 201, 50] && old.allSatisfy { $0.estimatedBy.isEmpty })
    }

    @Test func sharesOfTheSuccessionsFileComeFirst() throws {
        // Given B going 0.25 to Y and 0.75 to X
        let world = try makeWorld(bShares: ("0.25", "0.75"))
        defer { world.remove() }
        // When 2018 is read on the 2025 units: B's 201 → quotas 50.25 / 150.75 → 50 / 151
        let stats = Dictionary(uniqueKeysWithValues: try world.database.allStatistics().map { ($0.code, $0) })
        #expect(stats["00009"]?.households == 150 && stats["00001"]?.households == 201)
        #expect(stats["00009"]?.estimatedBy == [.share])
    }

    @Test func withoutVillagesTheAreaDecidesAndTiesGoToTheFirstTarget() throws {
        // Given no villages: B lies half in X, half in Y (0.05° each)
        let world = try makeWorld(villages: false)
        defer { world.remove() }
        // When read on the 2025 units: 201 → 100.5 / 100.5 → the tie goes to 00001 (listed first)
        let stats = Dictionary(uniqueKeysWithValues: try world.database.allStatistics().map { ($0.code, $0) })
        #expect(stats["00001"]?.households == 50 + 101 && stats["00009"]?.households == 100 + 100)
        #expect(stats["00001"]?.estimatedBy == [.area])
    }

    @Test func aFigureRecordedOnTheAskedUnitsWins() throws {
        // Given a 2018 figure recorded directly on the 2025 commune Y
        let world = try makeWorld()
        defer { world.remove() }
        let file = try world.write("y.csv", "year,code,households,poor_households,near_poor_households\n2018,00009,500,50,20\n")
        _ = try world.importer.importStatistics(from: file, unitsOn: Self.july2025)
        // Then Y shows it, unestimated, and X is still C plus B's part
        let stats = Dictionary(uniqueKeysWithValues: try world.database.allStatistics().map { ($0.code, $0) })
        #expect(stats["00009"]?.households == 500 && stats["00009"]?.estimatedBy == [])
        #expect(stats["00001"]?.households == 184)
    }

    @Test func worksBelongToTheCommuneTheyLieInOnEachVintage() throws {
        // Given a point in A/Y, a point in C/X and a point on the 2025 X–Y edge (inside B in 2017)
        let world = try makeWorld()
        defer { world.remove() }
        func point(_ id: String, _ lon: Double) -> String {
            """
            {"type":"Feature","properties":{"id":"\(id)","name":"Công trình \(id)","programme":"135","category":"health",\
            "status":"completed","completed_on":"2018-05-01"},"geometry":{"type":"Point","coordinates":[\(lon),21.05]}}
            """
        }
        let works = Fixtures.featureCollection([point("W-A", 106.05), point("W-C", 106.25), point("W-EDGE", 106.15)])
        _ = try world.importer.importWorks(from: try world.write("w.geojson", works))
        // Then on today's units the reused code 00001 means X, and the edge goes to the lowest code
        func communes(_ db: AppDatabase) throws -> [String] { try db.works().map { $0.communeCode ?? "-" } }
        let today = try communes(world.database)
        #expect(today == ["00009", "00001", "00001"])
        // And on the 2017 units the same works lie in A, C and B, each with district 178
        let old = world.database.onUnits(Self.end2019)
        #expect(try communes(old) == ["00001", "00003", "00002"])
        #expect(try old.works().allSatisfy { $0.districtCode == "178" })
        #expect(try world.database.works().allSatisfy { $0.districtCode == nil })
        // And `works list --commune 00001` depends on the date asked
        #expect(try world.database.works(matching: WorkFilter(communeCode: "00001")).map(\.work.id) == ["W-C", "W-EDGE"])
        #expect(try old.works(matching: WorkFilter(communeCode: "00001")).map(\.work.id) == ["W-A"])
        // And the commune map counts them per vintage
        let summaries = try world.database.communeSummaries(year: 2018)
        #expect(summaries.map { $0.worksByCategory[.health] ?? 0 } == [2, 1])
        let oldSummaries = try old.communeSummaries(year: 2018)
        #expect(oldSummaries.map { $0.worksByCategory[.health] ?? 0 } == [1, 1, 1])
    }

    @Test func classificationsNameTheUnitsOfTheirPeriodAndCarryForward() throws {
        // Given B flagged difficult_135 for 2016-2020 (on the 2017 units)
        let world = try makeWorld()
        defer { world.remove() }
        let file = try world.write("c.csv", "period,code,flag\n2016-2020,00002,difficult_135\n2016-2020,178,poor_30a\n")
        _ = try world.importer.importClassifications(from: file)
        // Then on the 2025 units both X and Y hold part of B, so both carry its flag and the district's 30a
        let today = try world.database.communeSummaries(year: 2018)
        #expect(today.allSatisfy { $0.flags == [.difficult135, .poor30a] })
        // And a code unknown when the period began is refused: 00009 exists only from 2025
        let bad = try world.write("bad.csv", "period,code,flag\n2016-2020,00009,border\n")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importClassifications(from: bad) }
        #expect(failure.problems.map(\.reason) == ["no unit in force when 2016-2020 began, nor village, has this code"])
    }

    @Test func eligibilityIsJudgedOnTheUnitsOfTheClassification() throws {
        // Given B difficult_135 in 2016-2020, and two 135 works approved in 2018: one at 106.12
        // (in B then, in Y today) and one at 106.05 (in A then, in Y today)
        let world = try makeWorld()
        defer { world.remove() }
        let file = try world.write("c.csv", "period,code,flag\n2016-2020,00002,difficult_135\n")
        _ = try world.importer.importClassifications(from: file)
        func point(_ id: String, _ lon: Double) -> String {
            """
            {"type":"Feature","properties":{"id":"\(id)","name":"Đường \(id)","programme":"135","category":"culture",\
            "status":"approved","approved_on":"2018-03-01","commune_code":"\(id == "W-B" ? "00002" : "00001")"},\
            "geometry":{"type":"Point","coordinates":[\(lon),21.05]}}
            """
        }
        let works = Fixtures.featureCollection([point("W-B", 106.12), point("W-A", 106.05)])
        _ = try world.importer.importWorks(from: try world.write("w.geojson", works))
        // When checked on today's units (where both lie in Y, which carries B's flag)
        let findings = try DataChecker().run(on: world.database)
        // Then only the work that lay in A in 2018 is ineligible, and neither declared commune
        // (a 2017 code, as on its approval date) is said to disagree
        #expect(findings.filter { $0.rule == "ineligible_135" }.map(\.id) == ["W-A"])
        #expect(findings.filter { $0.rule == "commune_disagrees" }.isEmpty)
    }

    @Test func successionsNamingAUnitNotInForceAreRefusedWithTheLine() throws {
        // Given a successions line whose new code exists only before 2025
        let world = try makeWorld()
        defer { world.remove() }
        let file = try world.write("s.csv", "old_code,new_code,effective_on,relation,share\n00002,00003,2025-07-01,whole,\n")
        // When imported, it is refused naming line 2 and nothing changes
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importSuccessions(from: file) }
        #expect(failure.problems.map(\.location) == ["line 2"])
        #expect(failure.problems[0].reason == "no unit 00003 is in force on 2025-07-01")
        #expect(try world.database.successions().count == 4)
    }

    @Test func anEditorWorksOnTodaysUnits() throws {
        // Given districts abolished on 2025-07-01
        let world = try makeWorld()
        defer { world.remove() }
        // Then a district editor for the old district 178 is refused, a commune editor of Y is not
        let credential = AccessToken.generate().credential
        #expect(throws: UserError.self) {
            try world.database.addUser(
                name: "huyen", role: .districtEditor, unitCode: "178", credential: credential, by: .commandLine)
        }
        try world.database.addUser(
            name: "xa", role: .communeEditor, unitCode: "00009", credential: AccessToken.generate().credential,
            by: .commandLine)
    }
}
