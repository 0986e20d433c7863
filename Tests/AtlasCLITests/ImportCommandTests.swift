import Foundation
import Testing

/// `worksatlas import …` and the exit statuses of ExitCodes.swift: 0 ok, 1 data problems, 2 usage.
@Suite(.enabled(if: CLI.isAvailable))
struct ImportCommandTests {
    @Test func goodImportsExitZeroAndSayWhatWasImported() throws {
        // Given the fixture units and villages
        let workspace = try Workspace()
        defer { workspace.remove() }
        // When both are imported
        let units = try workspace.run(["import", "units", workspace.path("units.geojson"), "--db", workspace.database])
        let villages = try workspace.run([
            "import", "villages", workspace.path("villages.csv"), "--db", workspace.database,
        ])
        // Then each exits 0 and reports its row count on stdout
        #expect(units.status == 0 && villages.status == 0, "stderr: \(units.stderr)\(villages.stderr)")
        #expect(units.stdout == "imported 4 units from \(workspace.path("units.geojson"))\n")
        #expect(villages.stdout == "imported 2 villages from \(workspace.path("villages.csv"))\n")
    }

    @Test func badImportExitsOneAndPrintsEveryBadLine() throws {
        // Given a works CSV with bad lines 3 (category), 4 (date) and 5 (money) after a good line 2
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let file = try workspace.write(
            "works.csv",
            """
            id,name,programme,category,status,approved_on,planned_vnd,lon,lat
            W-1,Trạm y tế,135,health,approved,2016-05-27,1500000000,106.05,21.05
            W-2,Cầu treo,135,bridge,proposed,,,106.06,21.06
            W-3,Kênh mương,30a,irrigation,approved,2019-02-30,100000000,106.15,21.05
            W-4,Nước sinh hoạt,135,water,approved,2019-03-01,1.5e9,106.16,21.06

            """)
        // When it is imported
        let result = try workspace.run(["import", "works", file, "--db", workspace.database])
        // Then the exit status is 1, stderr has a header and one line per bad row, stdout nothing
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(file): 3 problems; nothing was imported")
        #expect(lines.count == 4)
        #expect(
            lines.contains {
                $0.contains("line 3: category = \"bridge\": unknown value") && $0.contains("allowed: road,")
            })
        #expect(lines.contains { $0.contains("line 4: approved_on = \"2019-02-30\": not a calendar date") })
        #expect(lines.contains { $0.contains("line 5: planned_vnd = \"1.5e9\"") })
        // And the database holds no work
        let state = try workspace.run(["init", "--db", workspace.database])
        #expect(state.stdout.contains("0 works"))
    }

    @Test func unknownOptionExitsTwo() throws {
        // Given the fixture files
        let workspace = try Workspace()
        defer { workspace.remove() }
        // When an option that does not exist is given
        let result = try workspace.run(["import", "units", "units.geojson", "--frobnicate", "--db", workspace.database])
        // Then the exit status is 2 with a usage message on stderr, and nothing was imported
        #expect(result.status == 2)
        #expect(result.stderr.contains("--frobnicate"))
        #expect(result.stderr.contains("Usage: worksatlas import units"))
        #expect(!FileManager.default.fileExists(atPath: workspace.database))
    }

    @Test func missingFileAndUnsupportedSridAreUsageErrors() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = try workspace.run(["import", "villages", "nope.csv", "--db", workspace.database])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file: nope.csv"))
        let srid = try workspace.run(["import", "works", "villages.csv", "--srid", "3857", "--db", workspace.database])
        #expect(srid.status == 2)
        #expect(srid.stderr.contains("--srid 3857 is not accepted"))
    }

    @Test func unknownSubcommandExitsTwo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["import", "bridges", "x.csv"])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }
}
