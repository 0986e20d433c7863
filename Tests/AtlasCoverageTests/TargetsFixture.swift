import AtlasImport
import AtlasStore
import AtlasTestSupport
import Foundation

/// Tiny worlds for the plan-target and data-check suites, imported through the real `Importer`
/// into an in-memory store. Everything is written in EPSG:3405 metres (`srid: 3405`) relative to
/// O = (640000, 2400000), as in `CoverageEndToEndTests`, so every distance is worked out by hand.
///
///     province 20 = [-2000, 51000] × [-1000, 11000]   (x < 0: in the province, in no commune)
///     district 178 Văn Quan:  A 06100 = [0, 10000]       B 06103 = [10000, 20000]
///                             C 06106 = [20000, 30000]   (each × [0, 10000])
///     district 179 Bình Gia:  D 06200 = [30000, 40000]   E 06203 = [40000, 50000]
///
///     villages  A1 06100001 (2000, 5000) 100 hh    A2 06100002 (8000, 5000) 300 hh
///               B1 06103001 (15000, 5000) 250 hh
///               D1 06200001 (35000, 5000) 200 hh   D2 06200002 (35000, 9000) 300 hh
///               C and E have no village: they stand at their centroids (25000, 5000), (45000, 5000)
enum TargetsFixture: MetricGridWorld {
    static let units = """
        {"type": "FeatureCollection", "features": [
        \(unit("20", "Lạng Sơn", "province", parent: nil, ring(-2000, -1000, 51_000, 11_000))),
        \(unit("178", "Văn Quan", "district", parent: "20", ring(0, 0, 30_000, 10_000))),
        \(unit("179", "Bình Gia", "district", parent: "20", ring(30_000, 0, 50_000, 10_000))),
        \(unit("06100", "Xã A", "commune", parent: "178", ring(0, 0, 10_000, 10_000))),
        \(unit("06103", "Xã B", "commune", parent: "178", ring(10_000, 0, 20_000, 10_000))),
        \(unit("06106", "Xã C", "commune", parent: "178", ring(20_000, 0, 30_000, 10_000))),
        \(unit("06200", "Xã D", "commune", parent: "179", ring(30_000, 0, 40_000, 10_000))),
        \(unit("06203", "Xã E", "commune", parent: "179", ring(40_000, 0, 50_000, 10_000)))
        ]}
        """

    static let villageHeader = "code,commune_code,name,lon,lat,households"

    static func village(
        _ code: String, _ commune: String, _ name: String, _ x: Double, _ y: Double, _ households: Int
    )
        -> String
    {
        "\(code),\(commune),\(name),\(Int(ox + x)),\(Int(oy + y)),\(households)"
    }

    static let villageRows = [
        village("06100001", "06100", "Bản A1", 2000, 5000, 100),
        village("06100002", "06100", "Bản A2", 8000, 5000, 300),
        village("06103001", "06103", "Bản B1", 15_000, 5000, 250),
        village("06200001", "06200", "Bản D1", 35_000, 5000, 200),
        village("06200002", "06200", "Bản D2", 35_000, 9000, 300),
    ]

    static let statsHeader = "year,code,households,poor_households,near_poor_households"

    /// Households are the same every year: A, B, C 1000 each (178: 3000), D, E 500 each (179: 1000).
    ///
    ///     poor     A    B    C  |  D    E  | 178  179  province
    ///     2015   300  200  100  | 200  200 | 600  400  1000  (20 %, 40 %, 25 %)
    ///     2018   150  100   50  | 140  180 | 300  320   620  (10 %, 32 %, 15.5 %)
    ///     2020    80   40   10  |  50  180 | 130  230   360  (4.33 %, 23 %, 9 %)
    static let statsRows = [
        "2015,06100,1000,300,0", "2015,06103,1000,200,0", "2015,06106,1000,100,0",
        "2015,06200,500,200,0", "2015,06203,500,200,0",
        "2018,06100,1000,150,0", "2018,06103,1000,100,0", "2018,06106,1000,50,0",
        "2018,06200,500,140,0", "2018,06203,500,180,0",
        "2020,06100,1000,80,0", "2020,06103,1000,40,0", "2020,06106,1000,10,0",
        "2020,06200,500,50,0", "2020,06203,500,180,0",
    ]

    static let workHeader =
        "id,name,programme,category,status,surface,road_class,commune_code,exactness,villages_served,"
        + "approved_on,completed_on,wkt"

    /// One works CSV row; `wkt` is already quoted when it holds commas (see `line`).
    static func work(
        _ id: String, programme: String = "ntm", category: String, status: String = "completed",
        surface: String = "", roadClass: String = "", communeCode: String = "", exactness: String = "",
        villagesServed: String = "", approvedOn: String = "", completedOn: String = "2018-05-01", wkt: String
    ) -> String {
        [
            id, "Công trình \(id)", programme, category, status, surface, roadClass, communeCode, exactness,
            villagesServed, approvedOn, completedOn, wkt,
        ].joined(separator: ",")
    }

    /// What the imports reported (warnings of the statistics import, for instance).
    struct World {
        let database: AppDatabase
        let reports: [String: ImportReport]
    }

    /// Imports units, villages, statistics, classifications and works (in that order) into a fresh
    /// in-memory store; empty row lists skip that import.
    static func importWorld(
        villages: [String] = villageRows, stats: [String] = statsRows, classifications: [String], works: [String]
    ) throws -> World {
        let database = try AppDatabase.inMemory()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ header: String?, _ lines: [String]) throws -> URL {
            let url = folder.appendingPathComponent(name)
            let text = ((header.map { [$0] } ?? []) + lines).joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: url)
            return url
        }
        let importer = Importer(database: database)
        var reports: [String: ImportReport] = [:]
        reports["units"] = try importer.importUnits(from: file("units.geojson", nil, [units]), srid: 3405)
        if !villages.isEmpty {
            reports["villages"] = try importer.importVillages(
                from: file("villages.csv", villageHeader, villages), srid: 3405)
        }
        if !stats.isEmpty {
            reports["statistics"] = try importer.importStatistics(from: file("stats.csv", statsHeader, stats))
        }
        if !classifications.isEmpty {
            reports["classifications"] = try importer.importClassifications(
                from: file("classifications.csv", "period,code,flag", classifications))
        }
        if !works.isEmpty {
            reports["works"] = try importer.importWorks(from: file("works.csv", workHeader, works), srid: 3405)
        }
        return World(database: database, reports: reports)
    }
}
