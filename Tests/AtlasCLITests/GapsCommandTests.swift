import AtlasTestSupport
import Foundation
import Testing

/// `gaps`, `priorities` and `GET /api/gaps` end to end on `GapsWorld` (numbers by hand there).
@Suite(.enabled(if: CLI.isAvailable))
struct GapsCommandTests {
    static func loadedWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        for (name, text) in GapsWorld.files { try workspace.write(name, text) }
        let steps: [[String]] = [
            ["import", "units", "units.geojson", "--srid", "3405"],
            ["import", "villages", "villages.csv", "--srid", "3405"],
            ["import", "stats", "stats.csv"], ["import", "classifications", "classifications.csv"],
            ["import", "works", "works.csv", "--srid", "3405"],
        ]
        for step in steps {
            let result = try workspace.run(step + ["--db", workspace.database])
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.stderr)")
        }
        return workspace
    }

    @Test func csvListsTheUnservedVillagesWithTheirBasis() throws {
        let workspace = try Self.loadedWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["gaps", "--category", "road", "--format", "csv", "--db", workspace.database])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "village_code,village_name,commune_code,commune_name,households,poverty_rate,estimated_poor_households,poor_basis,distance_m,note"
        )
        #expect(lines.count == 6)
        #expect(lines[1] == "06100002,Bản Hai,06100,Xã A,300,0.125,90,village,3000.0,")
        #expect(lines[2].hasPrefix("06103,Xã B,06103,Xã B,400,0.15,60,commune_rate,6403.1,"))
        #expect(lines[3] == "06100001,Bản Một,06100,Xã A,100,0.125,13,commune_rate,3000.0,")
        #expect(
            lines[4]
                == "06100003,Bản Ba,06100,Xã A,50,0.125,6,commune_rate,,no location: only villages_served could serve it"
        )
        #expect(lines[5] == "06106002,Bản Năm,06106,Xã C,40,0.1,4,commune_rate,5831.0,")
    }

    @Test func unknownCategoryIsAUsageError() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for command in ["gaps", "priorities"] {
            let result = try workspace.run([command, "--category", "bridge", "--db", workspace.database])
            #expect(result.status == 2)
            #expect(result.stderr.contains("unknown category"), "\(result.stderr)")
            #expect(result.stderr.contains("road, electricity"), "\(result.stderr)")
        }
    }

    @Test func prioritiesRankByTheRulesWeights() throws {
        let workspace = try Self.loadedWorkspace()
        defer { workspace.remove() }
        // Standard weights: A 154, B 100, C 10 (GapsWorld by hand)
        let standard = try workspace.run([
            "priorities", "--category", "road", "--format", "csv", "--db", workspace.database,
        ])
        #expect(standard.status == 0, "\(standard.stderr)")
        let rows = standard.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        try #require(rows.count == 3 && rows.allSatisfy { $0.count == 13 }, "\(standard.stdout)")
        #expect(rows.map { String($0[1]) } == ["06100", "06103", "06106"])
        #expect(rows.map { String($0[12]) } == ["154.0000", "100.0000", "10.0000"])
        #expect(
            rows[2].map(String.init)[3...11] == [
                "1", "40", "4", "0.1000", "difficult_135", "true", "4.0000", "4.0000", "2.0000",
            ])
        // Other weights in a rules file: households only, bonus 10 → A 450, C 440, B 400
        var rules = try String(contentsOfFile: "Data/coverage-rules.json".relativeToPackage, encoding: .utf8)
        rules = rules.replacingOccurrences(
            of: #""unserved_poor_households": 1.0"#, with: #""unserved_poor_households": 0"#
        )
        .replacingOccurrences(of: #""unserved_households": 0.1"#, with: #""unserved_households": 1"#)
        .replacingOccurrences(of: #""eligible_bonus": 0.25"#, with: #""eligible_bonus": 10"#)
        let path = try workspace.write("rules.json", rules)
        let changed = try workspace.run([
            "priorities", "--category", "road", "--format", "csv", "--top", "2", "--rules", path, "--db",
            workspace.database,
        ])
        #expect(changed.status == 0, "\(changed.stderr)")
        let top = changed.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        try #require(top.count == 2 && top.allSatisfy { $0.count == 13 }, "\(changed.stdout)")
        #expect(top.map { $0[1] } == ["06100", "06106"])
        #expect(top.map { $0[12] } == ["450.0000", "440.0000"])
    }

    @Test func badWeightsAreRefusedWithTheirName() throws {
        let workspace = try Self.loadedWorkspace()
        defer { workspace.remove() }
        let rules = try String(contentsOfFile: "Data/coverage-rules.json".relativeToPackage, encoding: .utf8)
            .replacingOccurrences(of: #""eligible_bonus": 0.25"#, with: #""eligible_bonus": -1"#)
        let path = try workspace.write("rules.json", rules)
        let result = try workspace.run([
            "priorities", "--category", "road", "--rules", path, "--db", workspace.database,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("priority_weights.eligible_bonus"), "\(result.stderr)")
    }

    @Test func theMapEndpointServesTheVillagesTheCommandLists() throws {
        let workspace = try Self.loadedWorkspace()
        defer { workspace.remove() }
        let cli = try workspace.run(["gaps", "--category", "road", "--format", "geojson", "--db", workspace.database])
        #expect(cli.status == 0, "\(cli.stderr)")
        let server = try RunningServer(workspace: workspace)
        defer { server.kill() }
        let reply = RawHTTP.get(port: server.port, "/api/gaps?category=road")
        #expect(reply.status == 200)
        #expect(
            reply.headers.contains { $0.0.lowercased() == "content-type" && $0.1.hasPrefix("application/geo+json") })
        // The same layer, byte for byte: ids 06100001, 06100002, 06100003, 06103, 06106002
        #expect(reply.text == cli.stdout)
        let ids = try Self.featureIDs(reply.text)
        #expect(ids == ["06100001", "06100002", "06100003", "06103", "06106002"])
        // An unknown or missing category is a 400 problem naming the parameter
        for target in ["/api/gaps?category=bridge", "/api/gaps", "/api/gaps?category=road&colour=red"] {
            let bad = RawHTTP.get(port: server.port, target)
            #expect(bad.status == 400, "\(target)")
            #expect(
                bad.headers.contains {
                    $0.0.lowercased() == "content-type" && $0.1.hasPrefix("application/problem+json")
                })
        }
        #expect(RawHTTP.get(port: server.port, "/api/gaps?category=bridge").text.contains("category"))
    }

    static func featureIDs(_ text: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let features = try #require(object?["features"] as? [[String: Any]])
        return features.compactMap { $0["id"] as? String }
    }
}

extension String {
    /// A path inside the package, from this test file's location.
    fileprivate var relativeToPackage: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(self).path
    }
}
