import Foundation
import Testing

/// The database is `--db PATH`, else `$WORKSATLAS_DB`, else `./worksatlas.sqlite`.
@Suite(.enabled(if: CLI.isAvailable))
struct DatabaseOptionTests {
    @Test func dbOptionWinsOverTheEnvironment() throws {
        // Given WORKSATLAS_DB naming one file and --db another
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fromEnv = workspace.path("env.sqlite")
        let fromOption = workspace.path("option.sqlite")
        // When init runs with both
        let result = try workspace.run(["init", "--db", fromOption], environment: ["WORKSATLAS_DB": fromEnv])
        // Then the --db file is created and used, the environment's is not touched
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("database \(fromOption): migrations initSpatialMetadata, createRegistry"))
        #expect(FileManager.default.fileExists(atPath: fromOption))
        #expect(!FileManager.default.fileExists(atPath: fromEnv))
    }

    @Test func environmentIsUsedWithoutDbOption() throws {
        // Given WORKSATLAS_DB and no --db
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fromEnv = workspace.path("env.sqlite")
        // When units are imported and init runs, both through the environment
        let imported = try workspace.run(["import", "units", "units.geojson"], environment: ["WORKSATLAS_DB": fromEnv])
        let result = try workspace.run(["init"], environment: ["WORKSATLAS_DB": fromEnv])
        // Then the environment's database holds the units, and no default file appears
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        // (the path is made absolute against the working folder, which may resolve symlinks)
        #expect(imported.stdout.hasPrefix("imported 4 units from /"))
        #expect(imported.stdout.hasSuffix("/units.geojson\n"))
        #expect(result.stdout.contains("database \(fromEnv):"))
        #expect(result.stdout.contains("holds 1 provinces, 1 districts, 2 communes, 0 villages, 0 works"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("worksatlas.sqlite")))
    }

    @Test func defaultIsWorksatlasSqliteInTheCurrentFolder() throws {
        // Given neither --db nor WORKSATLAS_DB (an empty value counts as unset)
        let workspace = try Workspace()
        defer { workspace.remove() }
        // When init runs in the workspace
        let result = try workspace.run(["init"], environment: ["WORKSATLAS_DB": ""])
        // Then ./worksatlas.sqlite is created
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("database worksatlas.sqlite:"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("worksatlas.sqlite")))
    }
}
