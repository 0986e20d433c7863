import Foundation
import Testing

/// `worksatlas works maintain` end to end: recorded and audited, shown by `works show`, summed
/// in the works export, refused with the value named, and judged by `check`.
@Suite(.enabled(if: CLI.isAvailable))
struct MaintenanceCommandTests {
    /// The bundled rules file, `Data/coverage-rules.json`.
    static let bundledRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/coverage-rules.json").path

    /// A world with W-1 (handed over, completed 2015-06-30) and W-2 (proposed).
    private func world() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.loadWorld()
        for arguments in [
            [
                "--id", "W-1", "--name", "Giếng", "--programme", "135", "--category", "water", "--status",
                "handed_over", "--completed-on", "2015-06-30", "--point", "106.05,21.05",
            ],
            ["--id", "W-2", "--name", "Cầu", "--programme", "135", "--category", "other", "--point", "106.15,21.05"],
        ] {
            let result = try workspace.run(["works", "add", "--db", workspace.database] + arguments)
            #expect(result.status == 0, "works add failed: \(result.stderr)")
        }
        return workspace
    }

    private func maintain(_ workspace: Workspace, _ arguments: [String]) throws -> CLI.Result {
        try workspace.run(["works", "maintain", "--db", workspace.database] + arguments)
    }

    @Test func maintenanceIsShownAndSummedInTheExport() throws {
        let workspace = try world()
        defer { workspace.remove() }
        // When two repairs are recorded, the first with dot-grouped thousands
        let first = try maintain(
            workspace,
            ["W-1", "--date", "2021-05-10", "--cost", "1.200.000", "--source", "commune", "--note", "Thay ống"])
        let second = try maintain(workspace, ["W-1", "--date", "2023-08-01", "--cost", "800000"])
        // Then each is confirmed with its formatted cost
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == "recorded maintenance of work W-1 on 2021-05-10: 1,200,000 đ\n")
        #expect(second.stdout == "recorded maintenance of work W-1 on 2023-08-01: 800,000 đ\n")
        // And works show lists both, oldest first, and their total: 1,200,000 + 800,000 = 2,000,000
        let show = try workspace.run(["works", "show", "W-1", "--db", workspace.database]).stdout
        let lines = show.split(separator: "\n").filter { $0.hasPrefix("maintenance") }.map {
            $0.replacing(/^maintenance( total)? +/, with: "")
        }
        #expect(
            lines == [
                "2021-05-10  1,200,000 đ  commune  Thay ống", "2023-08-01  800,000 đ  (source unspecified)",
                "2,000,000 đ in 2 events",
            ], "\(show)")
        // And the works layer carries the count, the sum and the later date; an unmaintained work zero and null
        let export = try workspace.run(["export", "works", "--output", "-", "--db", workspace.database]).stdout
        #expect(export.contains(#""maintenance_count":2,"maintenance_vnd":2000000,"last_maintained_on":"2023-08-01""#))
        #expect(export.contains(#""maintenance_count":0,"maintenance_vnd":0,"last_maintained_on":null"#))
        // And the CSV export has the same columns
        let csv = try workspace.run([
            "export", "works", "-o", workspace.path("works.csv"), "--db", workspace.database,
        ])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let table = try String(contentsOfFile: workspace.path("works.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n")[0].contains(",maintenance_count,maintenance_vnd,last_maintained_on,"))
        #expect(table.contains(#","2","2000000",2023-08-01,"#))
        // And each event was audited
        let audit = try workspace.run(["audit", "list", "--work", "W-1", "--db", workspace.database]).stdout
        #expect(audit.components(separatedBy: "work.maintenance").count - 1 == 2, "\(audit)")
    }

    @Test func badValuesAreRefusedNamingTheValue() throws {
        let workspace = try world()
        defer { workspace.remove() }
        let cases: [([String], Int32, String)] = [
            (["W-1", "--date", "2021-05-10", "--cost=-5"], 2, "--cost -5: money cannot be negative"),
            (
                ["W-1", "--date", "2021-05-10", "--cost", "1,5"], 2,
                "--cost 1,5: expected whole đồng, e.g. 1500000 or 1.500.000"
            ),
            (["W-1", "--date", "2021-02-30", "--cost", "5"], 2, "--date 2021-02-30: not a calendar date"),
            (
                ["W-1", "--date", "2021-05-10", "--cost", "5", "--source", "bank"], 2,
                #"--source bank: unknown value "bank" (allowed: central, province, district, commune"#
            ),
            (
                ["W-1", "--date", "2199-01-01", "--cost", "5"], 1,
                "work W-1: date 2199-01-01 is in the future (today is "
            ),
            (
                ["W-1", "--date", "2015-01-01", "--cost", "5"], 1,
                "work W-1: date 2015-01-01 is before the work was completed (2015-06-30)\n"
            ),
            (
                ["W-2", "--date", "2021-05-10", "--cost", "5"], 1,
                "work W-2: status proposed: only completed or handed_over works are maintained\n"
            ),
            (["NOPE", "--date", "2021-05-10", "--cost", "5"], 1, "no work with id NOPE\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try maintain(workspace, arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // And nothing was written
        let show = try workspace.run(["works", "show", "W-1", "--db", workspace.database]).stdout
        #expect(!show.contains("maintenance  "), "\(show)")
    }

    @Test func checkWarnsUntilARecentMaintenance() throws {
        let workspace = try world()
        defer { workspace.remove() }
        func maintenanceDue(asOf: String, rules: [String] = []) throws -> [String] {
            let result = try workspace.run(
                ["check", "--format", "csv", "--as-of", asOf, "--db", workspace.database] + rules)
            return result.stdout.split(separator: "\n").map(String.init).filter { $0.contains("maintenance_due") }
        }
        // Given W-1, handed over in 2015 and last maintained in 2016
        #expect(try maintain(workspace, ["W-1", "--date", "2016-03-01", "--cost", "500000"]).status == 0)
        // Then as of 2020 it is due (more than 3 years since 2016-03-01)
        #expect(
            try maintenanceDue(asOf: "2020-01-01") == [
                "warning,work,W-1,maintenance_due,handed over and no maintenance in the 3 years before 2020-01-01 (last maintained 2016-03-01)"
            ])
        // When it is maintained late in 2019, it is no longer due as of 2020
        #expect(try maintain(workspace, ["W-1", "--date", "2019-12-01", "--cost", "500000"]).status == 0)
        #expect(try maintenanceDue(asOf: "2020-01-01").isEmpty)
        // But a check as of the day before that maintenance still finds it due
        #expect(try maintenanceDue(asOf: "2019-11-30").count == 1)
        // And a rules file asking for upkeep every year finds it due again in 2021
        let yearly = try String(contentsOfFile: Self.bundledRules, encoding: .utf8).replacingOccurrences(
            of: #""maintenance_due_years": 3"#, with: #""maintenance_due_years": 1"#)
        let rules = try workspace.write("yearly.json", yearly)
        #expect(
            try maintenanceDue(asOf: "2021-01-01", rules: ["--rules", rules]) == [
                "warning,work,W-1,maintenance_due,handed over and no maintenance in the year before 2021-01-01 (last maintained 2019-12-01)"
            ])
        // And a value outside 1…50 is refused, naming the file and the value
        let bad = try workspace.write(
            "bad.json", yearly.replacingOccurrences(of: #"_years": 1"#, with: #"_years": 60"#))
        let refused = try workspace.run(["check", "--rules", bad, "--db", workspace.database])
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "bad.json: maintenance_due_years: must be a whole number of years from 1 to 50, got 60\n")
    }

    @Test func theTableFoldsManyDueWorksIntoOneLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        // Given seven handed-over works never maintained since 2015
        let features = (1...7).map { i in
            #"{"type":"Feature","properties":{"id":"H-\#(i)","name":"Nhà văn hoá \#(i)","programme":"135","category":"culture","status":"handed_over","completed_on":"2015-01-0\#(i)"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        }
        let file = try workspace.write(
            "works.geojson", #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}")
        #expect(try workspace.run(["import", "works", file, "--db", workspace.database]).status == 0)
        // When checked as a table
        let table = try workspace.run(["check", "--as-of", "2020-01-01", "--db", workspace.database])
        // Then five are listed and one line says how many more; CSV lists all seven
        let due = table.stdout.split(separator: "\n").filter { $0.contains("maintenance_due") }
        #expect(due.count == 6, "\(table.stdout)")
        #expect(due.last?.contains("2 more works like these; all of them with --format csv") == true)
        let csv = try workspace.run(["check", "--format", "csv", "--as-of", "2020-01-01", "--db", workspace.database])
        #expect(csv.stdout.split(separator: "\n").filter { $0.contains("maintenance_due") }.count == 7)
    }
}
