import Foundation
import Testing

/// `--help` works for the root command and every subcommand, and names what the user needs.
@Suite(.enabled(if: CLI.isAvailable))
struct HelpTests {
    /// Every command path with a phrase its help must contain.
    static let commands: [([String], String)] = [
        ([], "USAGE: worksatlas <subcommand>"),
        (["init"], "USAGE: worksatlas init"),
        (["import"], "USAGE: worksatlas import <subcommand>"),
        (["import", "units"], "--srid"),
        (["import", "villages"], "code, commune_code, name, lon, lat, households"),
        (["import", "stats"], "year, code, households, poor_households, near_poor_households"),
        (["import", "classifications"], "period, code, flag"),
        (["import", "works"], "lon/lat or wkt"),
        (["works"], "USAGE: worksatlas works <subcommand>"),
        (["works", "add"], "--point"),
        (["works", "list"], "--format"),
        (["works", "show"], "USAGE: worksatlas works show"),
        (["works", "set-status"], "proposed → approved → under_construction → completed → handed_over"),
        (["works", "maintain"], "--cost"),
        (["export"], "USAGE: worksatlas export <subcommand>"),
        (["export", "communes"], "--year"),
        (["export", "works"], "--output"),
        (["map"], "poverty_rate, poverty_change (points a year since the first year with statistics) or coverage_CATEGORY"),
        (["units"], "--search"),
        (["sources"], "USAGE: worksatlas sources"),
    ]

    @Test(arguments: commands)
    func helpExitsZeroAndDescribesTheCommand(path: [String], phrase: String) throws {
        // Given a scratch folder
        let workspace = try Workspace()
        defer { workspace.remove() }
        // When `worksatlas <path> --help` runs
        let result = try workspace.run(path + ["--help"])
        // Then it exits 0, prints the help to stdout, nothing to stderr, and creates no database
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.flattened(result.stdout).contains(phrase), "help of \(path) lacks \(phrase):\n\(result.stdout)")
        #expect(result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("worksatlas.sqlite")))
    }

    /// Help text with every run of whitespace made one space, so wrapping cannot split a phrase.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The names in the SUBCOMMANDS section of a help text.
    static func subcommands(in help: String) -> [String] {
        guard let after = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        // The section ends at the first blank line (then comes "See 'worksatlas help …'").
        let section = after.components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").compactMap { line in
            // Entries are indented by two spaces; wrapped abstracts by many more.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                name.allSatisfy({ $0.isLowercase || $0 == "-" })
            else { return nil }
            return String(name)
        }
    }

    @Test func everySubcommandFoundInHelpHasHelpToo() throws {
        // Given the root help
        let workspace = try Workspace()
        defer { workspace.remove() }
        // When every SUBCOMMANDS entry is followed down, level by level
        var pending: [[String]] = [[]]
        var visited: [[String]] = []
        while let path = pending.popLast(), visited.count < 100 {
            let result = try workspace.run(path + ["--help"])
            // Then each help exits 0 with a usage line for that very path
            #expect(result.status == 0, "\(path) --help exited \(result.status): \(result.stderr)")
            #expect(result.stdout.contains("USAGE: " + (["worksatlas"] + path).joined(separator: " ")))
            visited.append(path)
            if path.count < 3 {
                pending += Self.subcommands(in: result.stdout).filter { $0 != "help" }.map { path + [$0] }
            }
        }
        // And at least the commands of the brief were reached
        for (path, _) in Self.commands {
            #expect(visited.contains(path), "\(path) is not reachable from the root help")
        }
    }

    @Test func rootHelpListsEverySubcommand() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["--help"])
        for name in ["init", "import", "works", "export", "units", "sources"] {
            #expect(result.stdout.contains("  \(name) "), "root help does not list \(name)")
        }
        // And it documents the database precedence and the exit statuses
        let text = Self.flattened(result.stdout)
        #expect(text.contains("--db PATH, else $WORKSATLAS_DB, else ./worksatlas.sqlite"))
        #expect(text.contains("0 ok, 1 data problems, 2 usage error"))
    }

    @Test func versionExitsZero() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}

/// The help of every command, kept as files (`Tests/AtlasCLITests/Help/`): a change to what a
/// user reads shows in review. Regenerate with `WORKSATLAS_UPDATE_HELP=1 swift test --filter HelpSnapshotTests`.
@Suite(.enabled(if: CLI.isAvailable))
struct HelpSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")

    /// Every command path, found by following the SUBCOMMANDS sections down from the root.
    static func allCommands(_ workspace: Workspace) throws -> [(path: [String], help: String)] {
        var pending: [[String]] = [[]]
        var found: [(path: [String], help: String)] = []
        while let path = pending.popLast(), found.count < 100 {
            let help = try workspace.run(path + ["--help"]).stdout
            found.append((path, help))
            pending += HelpTests.subcommands(in: help).filter { $0 != "help" }.map { path + [$0] }
        }
        return found.sorted { $0.path.joined(separator: " ") < $1.path.joined(separator: " ") }
    }

    @Test func everyHelpMatchesItsSnapshot() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let update = ProcessInfo.processInfo.environment["WORKSATLAS_UPDATE_HELP"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        for (path, help) in try Self.allCommands(workspace) {
            let file = Self.folder.appendingPathComponent((["worksatlas"] + path).joined(separator: "-") + ".txt")
            if update {
                try Data(help.utf8).write(to: file)
                continue
            }
            let snapshot = try? String(contentsOf: file, encoding: .utf8)
            #expect(
                snapshot == help, "the help of \(path) changed; regenerate the snapshots if that is meant:\n\(help)")
        }
    }

    @Test func helpSpeaksToUsersAndTheReadmeDocumentsEveryOption() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for (path, help) in try Self.allCommands(workspace) {
            // No references to documents a user does not have
            #expect(!help.contains("SPEC"), "the help of \(path) cites the SPEC")
            for option in help.matches(of: /--[a-z][a-z-]+/).map({ String($0.output) })
            where option != "--help" && option != "--version" {
                let documented = DocumentationTests.readme.contains(option)
                #expect(documented, "README.md does not document \(option) of \(path)")
            }
        }
    }
}
