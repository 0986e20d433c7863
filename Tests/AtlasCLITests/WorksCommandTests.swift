import Foundation
import Testing

/// `worksatlas works add|list|show|set-status` and `export works` end to end.
@Suite(.enabled(if: CLI.isAvailable))
struct WorksCommandTests {
    /// Registers a work with `works add`, expecting success.
    private func add(
        _ workspace: Workspace, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let result = try workspace.run(["works", "add", "--db", workspace.database] + arguments)
        #expect(result.status == 0, "works add failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func addPrintsTheDerivedCommune() throws {
        // Given the fixture world
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        // When a work is added at lon 106.15, lat 21.05 declared in 00001
        let result = try workspace.run([
            "works", "add", "--db", workspace.database, "--id", "W-1", "--name", "Giếng", "--programme", "135",
            "--category", "water", "--point", "106.15,21.05", "--commune-code", "00001",
        ])
        // Then it is registered in 00002 and the disagreement is reported on stderr
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "registered work W-1 in commune 00002\n")
        #expect(result.stderr.contains("declared commune 00001 disagrees with the geometry (00002)"))
    }

    @Test func addWithSwappedPointExitsOneWithTheHint() throws {
        // Given the fixture world
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        // When a point is given as lat,lon
        let result = try workspace.run([
            "works", "add", "--db", workspace.database, "--id", "W-1", "--name", "Giếng", "--programme", "135",
            "--category", "water", "--point", "21.05,106.05",
        ])
        // Then it exits 1 and says the coordinates look swapped
        #expect(result.status == 1)
        #expect(result.stderr.contains("latitude and longitude look swapped (longitude comes first)"))
        #expect(result.stdout.isEmpty)
    }

    @Test func setStatusWithIllegalTransitionExitsOne() throws {
        // Given a proposed work
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        try add(
            workspace,
            ["--id", "W-1", "--name", "Giếng", "--programme", "135", "--category", "water", "--point", "106.05,21.05"])
        // When it is set straight to completed
        let result = try workspace.run([
            "works", "set-status", "W-1", "completed", "--date", "2018-01-01", "--db", workspace.database,
        ])
        // Then it exits 1 with the transition and the allowed next statuses
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "work W-1: status cannot change from proposed to completed (allowed next: approved, cancelled)\n")
        // And a legal step then works and shows in the history
        let legal = try workspace.run([
            "works", "set-status", "W-1", "approved", "--date", "2018-01-02", "--db", workspace.database,
        ])
        #expect(legal.status == 0)
        #expect(legal.stdout == "work W-1 is now approved (since 2018-01-02)\n")
        let show = try workspace.run(["works", "show", "W-1", "--db", workspace.database])
        #expect(show.stdout.contains("proposed → approved on 2018-01-02"))
        #expect(show.stdout.contains("commune"))
    }

    @Test func setStatusOfUnknownWorkOrBadDate() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let unknown = try workspace.run([
            "works", "set-status", "NOPE", "approved", "--date", "2018-01-01", "--db", workspace.database,
        ])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "no work with id NOPE\n")
        let badDate = try workspace.run([
            "works", "set-status", "NOPE", "approved", "--date", "2018-02-30", "--db", workspace.database,
        ])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--date 2018-02-30: not a calendar date"))
    }

    @Test func listAsCSVIsRFC4180WithAHeader() throws {
        // Given two works, one whose name holds a comma and double quotes
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        try add(
            workspace,
            [
                "--id", "W-2", "--name", "Đường \"Nà Pàn\", đoạn 1", "--programme", "30a", "--category", "road",
                "--surface", "concrete", "--wkt", "LINESTRING(106.07 21.1, 106.17 21.1)", "--planned-vnd", "850000000",
            ])
        try add(
            workspace,
            ["--id", "W-1", "--name", "Giếng", "--programme", "135", "--category", "water", "--point", "106.05,21.05"])
        // When they are listed as CSV
        let result = try workspace.run(["works", "list", "--format", "csv", "--db", workspace.database])
        // Then stdout is a header and one record per work in id order, the name quoted with doubled
        // quotes; the road's length is 10388 m (the EPSG:3405 chord, 10387.63 m, rounded)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "id,name,programme,category,status,commune_code,district_code,declared_commune_code,surface,length_m,completed_on,planned_vnd,disbursed_vnd",
                "W-1,Giếng,135,water,proposed,00001,178,,,,,0,0",
                "W-2,\"Đường \"\"Nà Pàn\"\", đoạn 1\",30a,road,proposed,00002,178,,concrete,10388,,850000000,0",
                "",
            ])
        // And filters apply
        let filtered = try workspace.run([
            "works", "list", "--format", "csv", "--category", "road", "--db", workspace.database,
        ])
        #expect(filtered.stdout.split(separator: "\n").count == 2)
        let badFilter = try workspace.run(["works", "list", "--category", "bridge", "--db", workspace.database])
        #expect(badFilter.status == 2)
    }

    @Test func exportWorksToStandardOutput() throws {
        // Given one work
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        try add(
            workspace,
            ["--id", "W-1", "--name", "Giếng", "--programme", "135", "--category", "water", "--point", "106.05,21.05"])
        // When the works layer is written to stdout and the commune map to a file
        let works = try workspace.run(["export", "works", "--output", "-", "--db", workspace.database])
        let communes = try workspace.run([
            "export", "communes", "-o", "communes.geojson", "--year", "2018", "--db", workspace.database,
        ])
        // Then stdout holds the FeatureCollection and the file the two communes
        #expect(works.status == 0 && communes.status == 0, "stderr: \(works.stderr)\(communes.stderr)")
        #expect(works.stdout.hasPrefix(#"{"type":"FeatureCollection","name":"works","features":["#))
        #expect(works.stdout.contains(#"{"type":"Feature","id":"W-1","properties":{"id":"W-1","#))
        #expect(works.stdout.contains(#""geometry":{"type":"Point","coordinates":[106.05,21.05]}"#))
        // (no statistics are loaded here, which the export says first)
        #expect(communes.stderr.hasSuffix("\nwrote 2 communes (statistics of 2018) to communes.geojson\n"))
        let text = try String(contentsOfFile: workspace.path("communes.geojson"), encoding: .utf8)
        #expect(text.contains(#""id":"00001""#) && text.contains(#""id":"00002""#))
        let badPrecision = try workspace.run([
            "export", "works", "-o", "-", "--precision", "9", "--db", workspace.database,
        ])
        #expect(badPrecision.status == 2)
        #expect(badPrecision.stderr.contains("--precision must be between 0 and 7, got 9"))
    }
}

/// What a newcomer met: each message now says what is wrong and what to do.
@Suite(.enabled(if: CLI.isAvailable)) struct NewcomerMessageTests {
    @Test func messagesSayWhatIsWrong() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let db = ["--db", workspace.database]
        // works add: one plain line per problem, no doubled prefix
        let add = try workspace.run(
            [
                "works", "add", "--id", "X-1", "--name", "", "--programme", "135", "--category", "road", "--status",
                "approved", "--point", "106.05,21.05",
            ] + db)
        #expect(add.status == 1)
        #expect(add.stderr == "the work was not registered: 1 problem\n  name = \"\": name is required\n")
        // A bad --date shows the subcommand's usage
        let status = try workspace.run(["works", "set-status", "X-9", "approved", "--date", "2019-02-30"] + db)
        #expect(status.status == 2)
        #expect(status.stderr.contains("Usage: worksatlas works set-status"))
        // A works file of no format it reads is named as such, with the formats it reads
        let readme = try workspace.write("notes.md", "# notes\n")
        let wrong = try workspace.run(["import", "works", readme] + db)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("works are read from .xlsx, .ods, .csv"))
        #expect(wrong.stderr.contains("this file is none of these by its extension (say which with --format)"))
        // A year without statistics is said, with the years there are
        let export = try workspace.run(
            ["export", "communes", "--year", "1990", "-o", workspace.path("c.geojson")] + db)
        #expect(export.status == 0)
        #expect(export.stderr.contains("note: no statistics for 1990"))
    }
}
