import ArgumentParser
import AtlasStore
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent, integrity-checked copy of the database to a new file.",
        discussion: """
            Safe while `worksatlas serve` or an import is running: the copy is one snapshot taken with \
            SQLite's online backup API (copying the file with cp while it is in use is not safe: writes \
            still in the -wal file are lost). The copy is a single file; FILE must not exist yet. \
            Bring it back with `worksatlas restore FILE`.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The new backup file (never overwritten).") var file: String

    func run() throws {
        let report = try DatabaseBackup.backup(try database.open(), to: file)
        print(
            "backup written: \(report.path) (\(Megabytes(report.bytes)), \(report.auditEntries) audit entries, "
                + "integrity ok) in \(Seconds(report.seconds))")
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database's content with a backup made by `worksatlas backup`.",
        discussion: """
            The backup is checked first (SQLite integrity check, a WorksAtlas database, a schema this \
            version knows; an older schema is migrated after the restore). The database as it was is \
            saved beside it as DB.before-restore-TIMESTAMP, so nothing is lost. A running server sees the \
            restored content at once.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file to restore.") var file: String

    func run() throws {
        let (restored, saved) = try DatabaseBackup.restore(from: file, to: database.resolvedPath)
        if let saved { print("the database as it was is saved in \(saved.path)") }
        print(
            "restored \(file) into \(restored.path) (\(Megabytes(restored.bytes)), \(restored.auditEntries) audit entries, "
                + "integrity ok) in \(Seconds(restored.seconds))")
    }
}

/// "12.3 MB" for a byte count.
private struct Megabytes: CustomStringConvertible {
    let bytes: Int64
    init(_ bytes: Int64) { self.bytes = bytes }
    var description: String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}

/// "1.25 s" for a duration.
private struct Seconds: CustomStringConvertible {
    let value: Double
    init(_ value: Double) { self.value = value }
    var description: String { String(format: "%.2f s", value) }
}
