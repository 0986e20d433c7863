import Foundation

/// Debian's `sqlite3` shell: an independent reader (and, for tests of the file's own guards,
/// writer) of a database file.
public enum SQLiteShell {
    public static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    /// Runs `sql` (or a dot command) on `database`; stdout and stderr together, trimmed.
    public static func run(_ database: String, _ sql: String, readOnly: Bool = false) throws -> String {
        try Tool.run("/usr/bin/sqlite3", (readOnly ? ["-readonly"] : []) + [database, sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
