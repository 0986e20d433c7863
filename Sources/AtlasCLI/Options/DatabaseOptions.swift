import ArgumentParser
import AtlasStore
import Foundation

/// `--db PATH`, else `$WORKSATLAS_DB`, else `./worksatlas.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Database file (default: $WORKSATLAS_DB, else ./worksatlas.sqlite).")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["WORKSATLAS_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "worksatlas.sqlite"
    }

    /// Opens the database, creating and migrating it when needed.
    func open() throws -> AppDatabase {
        try AppDatabase(path: resolvedPath)
    }
}
