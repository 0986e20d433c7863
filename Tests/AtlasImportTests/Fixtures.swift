import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// A small world written to a temporary folder: province 20 and district 178 over the square
/// lon 106.0–106.2, lat 21.0–21.2, split into commune 00001 (lon 106.0–106.1) and commune 00002
/// (lon 106.1–106.2) along the shared edge lon 106.1.
///
/// - Both communes carry the vertex (106.1, 21.1) on their shared edge, so a point given there is,
///   after projection, exactly a vertex of both (a mid-edge point of a meridian is not: the
///   meridian bends in UTM while the stored edge is a chord).
/// - Commune 00002 is written the "wrong" way round (clockwise exterior, counter-clockwise hole
///   over lon 106.15–106.17, lat 21.15–21.17) so exports must re-wind it. No other fixture uses
///   the hole.
enum Fixtures {

    static let unitsGeoJSON = SmallWorld.text("units.geojson")

    static let villagesCSV = SmallWorld.text("villages.csv")

    static let statsCSV = SmallWorld.text("stats.csv")

    static let classificationsCSV = SmallWorld.text("classifications.csv")

    /// A FeatureCollection with one feature per line: feature i is on line i + 2.
    static func featureCollection(_ features: [String], members: String = "") -> String {
        "{\"type\":\"FeatureCollection\",\(members)\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// Three works: a clinic point in 00001, a road in both communes (70 % in 00002, funded per
    /// source) and an irrigation polygon 2/3 in 00001 whose declared commune is 00002.
    static let worksFeatures = SmallWorld.workFeatures

    /// The same three works as CSV with a `wkt` column.
    static let worksWKTCSV = """
        id,name,programme,category,status,surface,road_class,commune_code,exactness,accuracy_m,villages_served,approved_on,started_on,completed_on,investor,planned_vnd,disbursed_vnd,planned_central_vnd,disbursed_central_vnd,planned_community_cash_vnd,labour_days,wkt
        W-1,Trạm y tế xã Hồng Phong,135,health,completed,,,00001,exact,4.5,00001001;00001002,2016-05-27,2016-08-01,2017-03-15,district,1500000000,1450000000,,,,,POINT(106.05 21.05)
        W-2,Đường GTNT thôn Nà Pàn,30a,road,under_construction,concrete,to_village,,approximate,,00002001,2016-04-01,2016-09-10,,commune,,,800000000,400000000,50000000,120,"LINESTRING(106.07 21.1, 106.17 21.1)"
        W-3,Kênh mương Khuổi Lũng,ntm,irrigation,proposed,,,00002,admin_unit,,,,,,,,,,,,,"POLYGON((106.08 21.09, 106.11 21.09, 106.11 21.11, 106.08 21.11, 106.08 21.09))"

        """

    static func date(_ text: String) -> CalendarDate { try! CalendarDate(iso: text) }

    /// What the three works must read back as (WGS84 geometry as given).
    static let expectedWorks: [Work] = [
        Work(
            id: "W-1", name: "Trạm y tế xã Hồng Phong", programme: .p135, category: .health, status: .completed,
            geometry: .point(Position(x: 106.05, y: 21.05)), declaredCommuneCode: "00001", exactness: .exact,
            accuracyM: 4.5, villagesServed: ["00001001", "00001002"], approvedOn: date("2016-05-27"),
            startedOn: date("2016-08-01"), completedOn: date("2017-03-15"), investor: .district,
            funding: [FundingLine(source: nil, plannedVND: 1_500_000_000, disbursedVND: 1_450_000_000)]),
        Work(
            id: "W-2", name: "Đường GTNT thôn Nà Pàn", programme: .p30a, category: .road, status: .underConstruction,
            geometry: .lineString([Position(x: 106.07, y: 21.1), Position(x: 106.17, y: 21.1)]), surface: .concrete,
            roadClass: .toVillage, exactness: .approximate, villagesServed: ["00002001"],
            approvedOn: date("2016-04-01"), startedOn: date("2016-09-10"), investor: .commune,
            funding: [
                FundingLine(source: .central, plannedVND: 800_000_000, disbursedVND: 400_000_000),
                FundingLine(source: .communityCash, plannedVND: 50_000_000, disbursedVND: 0, labourDays: 120),
            ]),
        Work(
            id: "W-3", name: "Kênh mương Khuổi Lũng", programme: .ntm, category: .irrigation, status: .proposed,
            geometry: .polygon([
                [
                    Position(x: 106.08, y: 21.09), Position(x: 106.11, y: 21.09), Position(x: 106.11, y: 21.11),
                    Position(x: 106.08, y: 21.11), Position(x: 106.08, y: 21.09),
                ]
            ]),
            declaredCommuneCode: "00002", exactness: .adminUnit,
            funding: [FundingLine(source: nil, plannedVND: 0, disbursedVND: 0)]),
    ]
    /// Derived communes of W-1, W-2, W-3 (W-3 disagrees with its declared 00002).
    static let expectedCommunes = ["W-1": "00001", "W-2": "00002", "W-3": "00001"]

    /// Length of W-2 on the ground: the chord between its ends in EPSG:3405,
    /// `printf "21.1 106.07\n21.1 106.17\n" | cs2cs -f %.6f EPSG:4326 EPSG:3405` →
    /// (610938.082852, 2333696.640033) and (621325.459702, 2333769.750747), so
    /// √(10387.37685² + 73.110714²) = 10387.6341 m.
    static let roadLengthM = 10387.6341

    /// The repository root: this file is Tests/AtlasImportTests/Fixtures.swift.
    static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Today in Vietnam, the date an import records when a file gives none.
    static func todayInVietnam() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return try! CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }
}

/// A temporary folder with a fixture database; `remove()` deletes both.
struct FixtureWorld {
    let directory: URL
    let database: AppDatabase
    let databasePath: String

    var importer: Importer { Importer(database: database) }

    /// A fresh database with the units imported (and villages unless told otherwise).
    static func make(villages: Bool = true, statistics: Bool = false) throws -> FixtureWorld {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("worksatlas-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("atlas.sqlite").path
        let world = FixtureWorld(directory: directory, database: try AppDatabase(path: path), databasePath: path)
        _ = try world.importer.importUnits(from: try world.write("units.geojson", Fixtures.unitsGeoJSON))
        if villages {
            _ = try world.importer.importVillages(from: try world.write("villages.csv", Fixtures.villagesCSV))
        }
        if statistics {
            _ = try world.importer.importStatistics(from: try world.write("stats.csv", Fixtures.statsCSV))
            _ = try world.importer.importClassifications(
                from: try world.write("classifications.csv", Fixtures.classificationsCSV))
        }
        return world
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Imports the three fixture works from GeoJSON.
    func importFixtureWorks() throws {
        _ = try importer.importWorks(
            from: try write("works.geojson", Fixtures.featureCollection(Fixtures.worksFeatures)))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Field-by-field comparison of a stored work with what was registered.
func expectStored(
    _ stored: StoredWork?, equals expected: Work, commune: String?, withFundingLines: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let stored else {
        Issue.record("work \(expected.id) was not stored", sourceLocation: sourceLocation)
        return
    }
    let w = stored.work
    #expect(w.id == expected.id, sourceLocation: sourceLocation)
    #expect(w.name == expected.name, sourceLocation: sourceLocation)
    #expect(w.programme == expected.programme, sourceLocation: sourceLocation)
    #expect(w.category == expected.category, sourceLocation: sourceLocation)
    #expect(w.status == expected.status, sourceLocation: sourceLocation)
    #expect(w.geometry == expected.geometry, sourceLocation: sourceLocation)
    #expect(w.surface == expected.surface, sourceLocation: sourceLocation)
    #expect(w.roadClass == expected.roadClass, sourceLocation: sourceLocation)
    #expect(w.declaredCommuneCode == expected.declaredCommuneCode, sourceLocation: sourceLocation)
    #expect(w.exactness == expected.exactness, sourceLocation: sourceLocation)
    #expect(w.accuracyM == expected.accuracyM, sourceLocation: sourceLocation)
    #expect(w.villagesServed == expected.villagesServed, sourceLocation: sourceLocation)
    #expect(w.approvedOn == expected.approvedOn, sourceLocation: sourceLocation)
    #expect(w.startedOn == expected.startedOn, sourceLocation: sourceLocation)
    #expect(w.completedOn == expected.completedOn, sourceLocation: sourceLocation)
    #expect(w.investor == expected.investor, sourceLocation: sourceLocation)
    #expect(w.plannedVND == expected.plannedVND, sourceLocation: sourceLocation)
    #expect(w.disbursedVND == expected.disbursedVND, sourceLocation: sourceLocation)
    if withFundingLines { #expect(w.funding == expected.funding, sourceLocation: sourceLocation) }
    #expect(stored.communeCode == commune, sourceLocation: sourceLocation)
    #expect(stored.districtCode == (commune == nil ? nil : "178"), sourceLocation: sourceLocation)
    let disagrees = expected.declaredCommuneCode.map { $0 != commune } ?? false
    #expect(stored.communeDisagrees == disagrees, sourceLocation: sourceLocation)
}
