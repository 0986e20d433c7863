import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// `/api/units/vintages` and `/api/units/{code}/history` over two vintages of one strip-shaped
/// province (106.0–106.3 E, 21.0–21.1 N):
///
///     2017 (from the beginning):  A 00001 [106.00–106.10]  B 00002 [106.10–106.20]  C 00003 [106.20–106.30]
///     2025-07-01 (no districts):  Y 00009 [106.00–106.15]  X 00001 [106.15–106.30]
///
/// A went wholly into Y, C wholly into X, B was divided 0.25 to Y and 0.75 to X; 00001 is reused
/// with a new meaning. 2018 is recorded on the 2017 units, 2024 on Y only (on the 2025 units).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct UnitsAPITests {
    static func unit(
        _ code: String, _ name: String, _ kind: String, _ parent: String, _ x0: Double, _ x1: Double
    )
        -> String
    {
        """
        {"type":"Feature","properties":{"code":"\(code)","name":"\(name)","kind":"\(kind)","type":"Xã","parent_code":"\(parent)"},\
        "geometry":{"type":"Polygon","coordinates":[[[\(x0),21.0],[\(x1),21.0],[\(x1),21.1],[\(x0),21.1],[\(x0),21.0]]]}}
        """
    }

    static func collection(_ features: [String]) -> String {
        #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}\n"
    }

    static let units2017 = collection([
        unit("20", "Tỉnh Thử", "province", "", 106.0, 106.3), unit("178", "Huyện Cũ", "district", "20", 106.0, 106.3),
        unit("00001", "Xã A", "commune", "178", 106.0, 106.1), unit("00002", "Xã B", "commune", "178", 106.1, 106.2),
        unit("00003", "Xã C", "commune", "178", 106.2, 106.3),
    ])
    static let units2025 = collection([
        unit("20", "Tỉnh Thử", "province", "", 106.0, 106.3),
        unit("00009", "Xã Y", "commune", "20", 106.0, 106.15), unit("00001", "Xã X", "commune", "20", 106.15, 106.3),
    ])
    static let successions = """
        old_code,new_code,effective_on,relation,share
        00001,00009,2025-07-01,whole,
        00002,00009,2025-07-01,part,0.25
        00002,00001,2025-07-01,part,0.75
        00003,00001,2025-07-01,whole,

        """
    static let stats2018 = """
        year,code,households,poor_households,near_poor_households
        2018,00001,100,30,10
        2018,00002,201,41,20
        2018,00003,50,5,5

        """
    static let stats2024 = """
        year,code,households,poor_households,near_poor_households
        2024,00009,170,17,9

        """

    /// The two-vintage world behind a router.
    static func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-units-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        let july2025 = try CalendarDate(iso: "2025-07-01")
        _ = try importer.importUnits(from: try file("u2017.geojson", units2017))
        _ = try importer.importStatistics(from: try file("s2018.csv", stats2018))
        _ = try importer.importUnits(from: try file("u2025.geojson", units2025), validFrom: july2025)
        _ = try importer.importSuccessions(from: try file("succ.csv", successions))
        _ = try importer.importStatistics(from: try file("s2024.csv", stats2024), unitsOn: july2025)
        let options = ServerOptions(mapsDirectory: directory.path, leafletDirectory: directory.path)
        let app = Application(router: buildRouter(database: database, options: options))
        try await app.test(.router, body)
    }

    /// Each vintage with its years of statistics: the 2017 units only have 2018 (2024 names the 2025 units).
    @Test func vintagesAreListedOldestFirstWithTheirCounts() async throws {
        try await Self.test { client in
            let response = try await client.get("/api/units/vintages")
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            let body = try response.json()
            #expect(body["province"] == ["code": "20", "name": "Tỉnh Thử"])
            #expect(
                body["vintages"]
                    == [
                        [
                            "valid_from": .null, "valid_to": "2025-06-30", "communes": 3, "districts": 1,
                            "years": [2018],
                        ],
                        [
                            "valid_from": "2025-07-01", "valid_to": .null, "communes": 2, "districts": 0,
                            "years": [2018, 2024],
                        ],
                    ])
        }
    }

    @Test func aSingleVintageHasNoDates() async throws {
        // The http-world: one vintage of 3 communes in 2 districts, valid from the beginning
        try await TestWorld.make().test { client in
            let body = try await client.get("/api/units/vintages").json()
            #expect(
                body["vintages"]
                    == [
                        ["valid_from": .null, "valid_to": .null, "communes": 3, "districts": 2, "years": [2017, 2018]]
                    ])
        }
    }

    @Test func aNewCommuneWasFormedFromItsPredecessorsAndKeepsItsFigures() async throws {
        try await Self.test { client in
            // Y (latest units): A whole and a quarter of B, named as they were on 2025-06-30
            let y = try await client.get("/api/units/00009/history").json()
            #expect(y["code"] == "00009" && y["name"] == "Xã Y" && y["units"] == .null)
            #expect(
                y["formed_from"]
                    == [
                        [
                            "code": "00001", "name": "Xã A", "effective_on": "2025-07-01", "relation": "whole",
                            "share": .null,
                        ],
                        [
                            "code": "00002", "name": "Xã B", "effective_on": "2025-07-01", "relation": "part",
                            "share": 0.25,
                        ],
                    ])
            #expect(y["became"] == [])
            // 2018: A 100/30 + B's 201·0.25 = 50.25 → 50 households, 41·0.25 = 10.25 → 10 poor: 40/150;
            // 2024 recorded on Y itself: 17/170, not estimated
            #expect(
                y["poverty"]
                    == [
                        [
                            "year": 2018, "households": 150, "poor_households": 40, "poverty_rate": 0.2667,
                            "estimated": true, "basis": "share",
                        ],
                        [
                            "year": 2024, "households": 170, "poor_households": 17, "poverty_rate": 0.1,
                            "estimated": false, "basis": .null,
                        ],
                    ])
            // X reuses 00001: C whole and three quarters of B; 5 + 31 poor (30.75 takes the remainder) of 50 + 151
            let x = try await client.get("/api/units/00001/history").json()
            #expect(x["name"] == "Xã X")
            #expect(x["formed_from"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Xã B", "Xã C"])
            #expect(
                x["poverty"]
                    == [
                        [
                            "year": 2018, "households": 201, "poor_households": 36, "poverty_rate": 0.1791,
                            "estimated": true, "basis": "share",
                        ]
                    ])
        }
    }

    @Test func anOldCommuneBecameItsSuccessorsNamedOnTheirFirstDay() async throws {
        try await Self.test { client in
            // On the 2017 units 00001 is A, which went wholly into Y
            let a = try await client.get("/api/units/00001/history?units=2019-12-31").json()
            #expect(a["name"] == "Xã A" && a["units"] == "2019-12-31")
            #expect(a["formed_from"] == [])
            #expect(
                a["became"]
                    == [
                        [
                            "code": "00009", "name": "Xã Y", "effective_on": "2025-07-01", "relation": "whole",
                            "share": .null,
                        ]
                    ])
            // Its recorded 2018 figure only (2024 names the 2025 units and does not roll back)
            #expect(
                a["poverty"]
                    == [
                        [
                            "year": 2018, "households": 100, "poor_households": 30, "poverty_rate": 0.3,
                            "estimated": false, "basis": .null,
                        ]
                    ])
            // B was divided between X and Y
            let b = try await client.get("/api/units/00002/history?units=2025-06-30").json()
            #expect(b["became"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Xã X", "Xã Y"])
            #expect(b["became"]?.arrayValue?.compactMap { $0["share"]?.doubleValue } == [0.75, 0.25])
        }
    }

    @Test func badCodesDatesAndParametersAreProblems() async throws {
        try await Self.test { client in
            for (uri, status, field) in [
                ("/api/units/00002/history", HTTPResponse.Status.notFound, ""),  // B is not in force today
                ("/api/units/00009/history?units=2019-12-31", .notFound, ""),  // Y did not exist yet
                ("/api/units/abc/history", .badRequest, "code"),
                ("/api/units/0000000000001/history", .badRequest, "code"),
                ("/api/units/00009/history?units=2019-13-01", .badRequest, "units"),
                ("/api/units/00009/history?year=2018", .badRequest, "year"),
                ("/api/units/00009/history?units=2019-12-31&units=2025-07-01", .badRequest, "units"),
                ("/api/units/vintages?units=2019-12-31", .badRequest, "units"),
            ] {
                let response = try await client.get(uri)
                #expect(response.status == status, "\(uri)")
                try ProblemTests.expectProblem(response, status: status)
                if !field.isEmpty {
                    #expect(try response.json()["errors"]?[0]?["field"]?.stringValue == field, "\(uri)")
                }
            }
        }
    }
}
