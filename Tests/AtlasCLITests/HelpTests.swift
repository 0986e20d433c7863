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
        (["export"], "USAGE: worksatlas export <subcommand>"),
        (["export", "communes"], "--year"),
        (["export", "works"], "--output"),
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
