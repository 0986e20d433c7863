import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Copies of a live database made with SQLite's online backup API: a consistent snapshot taken
/// while the server goes on reading and writing (a file copy of a WAL database is not one), then
/// checked before it is trusted.
public enum DatabaseBackup {
    /// What a backup or restore did, for the command's report.
    public struct Report: Sendable {
        public var path: String
        public var bytes: Int64
        public var auditEntries: Int
        public var seconds: Double
    }

    /// A refusal that is the user's to fix (an existing file, a damaged or foreign database).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes a self-contained, integrity-checked copy of `database` to `destination`, which must
    /// not exist yet. The copy is built beside it and linked into place only when it checks out,
    /// so a failed or interrupted backup leaves no file behind under that name.
    public static func backup(_ database: AppDatabase, to destination: String) throws -> Report {
        let start = Date()
        if FileManager.default.fileExists(atPath: destination) {
            throw Refusal(
                description: "\(destination) already exists; a backup never overwrites a file (choose a new name)")
        }
        let partial = destination + ".partial-\(getpid())"
        defer { unlink(partial) }
        unlink(partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            // One step: the whole copy comes from one read snapshot, whatever is written meanwhile.
            try database.dbWriter.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // The backup carries the source's WAL flag; a backup file stands alone.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try checkIntegrity(of: copy, path: destination)
            try copy.close()
        }
        try syncFile(partial)
        // link(2) fails when the name exists: no overwrite even if a file appeared meanwhile.
        guard link(partial, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            throw Refusal(description: "cannot create \(destination): \(reason)")
        }
        syncDirectory(of: destination)
        let count = try auditCount(at: destination)
        return Report(
            path: destination, bytes: fileSize(destination), auditEntries: count,
            seconds: Date().timeIntervalSince(start))
    }

    /// Replaces the content of the database at `target` with the backup at `source`, after
    /// checking that the backup is whole and is a WorksAtlas database this version can open.
    /// The database as it was is first saved as a backup beside it (its path is returned), so a
    /// restore is never a loss. Other processes with the database open see the restored content.
    public static func restore(from source: String, to target: String) throws -> (restored: Report, saved: Report?) {
        let start = Date()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Refusal(description: "no such backup file: \(source)")
        }
        var readOnly = Configuration()
        readOnly.readonly = true
        let backupFile: DatabaseQueue
        do {
            backupFile = try DatabaseQueue(path: source, configuration: readOnly)
            try backupFile.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw Refusal(description: "\(source) is not an SQLite database (\(error))")
        }
        try checkIntegrity(of: backupFile, path: source)
        try checkSchema(of: backupFile, path: source)
        var saved: Report?
        if FileManager.default.fileExists(atPath: target) {
            let current = try AppDatabase(path: target)
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            saved = try backup(current, to: "\(target).before-restore-\(stamp)")
        }
        let database = try AppDatabase(path: target)
        try backupFile.backup(to: database.dbWriter)
        try backupFile.close()
        // A backup from an older version is brought up to this version's schema.
        let restored = try AppDatabase(path: target)
        try checkIntegrity(of: restored.dbWriter, path: target)
        let count = try restored.dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry") ?? 0 }
        return (
            Report(
                path: target, bytes: fileSize(target), auditEntries: count, seconds: Date().timeIntervalSince(start)),
            saved
        )
    }

    static func checkIntegrity(of reader: any DatabaseReader, path: String) throws {
        let problems = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(10)") }
        guard problems == ["ok"] else {
            throw Refusal(description: "\(path) failed SQLite's integrity check: \(problems.joined(separator: "; "))")
        }
    }

    /// A WorksAtlas database whose migrations this version knows (older is fine, newer is not).
    static func checkSchema(of reader: any DatabaseReader, path: String) throws {
        let applied: [String] = try reader.read { db in
            guard try db.tableExists("grdb_migrations"), try db.tableExists("work") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        guard !applied.isEmpty else {
            throw Refusal(description: "\(path) is not a WorksAtlas database (no works registry in it)")
        }
        let unknown = Set(applied).subtracting(AppDatabase.migrator.migrations)
        guard unknown.isEmpty else {
            throw Refusal(
                description:
                    "\(path) was made by a newer WorksAtlas (schema steps \(unknown.sorted().joined(separator: ", ")) are unknown to this version); restore it with that version"
            )
        }
    }

    private static func auditCount(at path: String) throws -> Int {
        var readOnly = Configuration()
        readOnly.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: readOnly)
        defer { try? queue.close() }
        return try queue.read { db in
            try db.tableExists("auditEntry") ? Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry") ?? 0 : 0
        }
    }

    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Refusal(description: "cannot reopen \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else {
            throw Refusal(description: "cannot sync \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(directory, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
