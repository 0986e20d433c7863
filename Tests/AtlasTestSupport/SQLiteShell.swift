import Foundation

/// Debian's `sqlite3` shell: an independent reader (and, for tests of the file's own guards,
/// writer) of a database file.
public enum SQLiteShell {
    public static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    /// Runs `sql` (or a dot command) on `database`; stdout and stderr together, trimmed.
    public static func run(_ database: String, _ sql: String, readOnly: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = (readOnly ? ["-readonly"] : []) + [database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
