import ArgumentParser
import Foundation

@main
struct Atlas: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "worksatlas",
        abstract: "Track poverty-reduction infrastructure works on a map and export poverty maps.",
        discussion: """
            The database is --db PATH, else $WORKSATLAS_DB, else ./worksatlas.sqlite; every command \
            creates and migrates it on first use. Exit status: 0 ok, 1 data problems, 2 usage error, \
            3 runtime failure.
            """,
        version: Atlas.version,
        subcommands: [
            Init.self, Import.self, Works.self, Coverage.self, Gaps.self, Priorities.self, Targets.self, Check.self,
            Export.self, PrintMapCommand.self, ReportCommand.self, Units.self,
            Sources.self, Serve.self, Users.self, Audit.self, Backup.self, Restore.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withStableCode: error)
        }
    }
}
