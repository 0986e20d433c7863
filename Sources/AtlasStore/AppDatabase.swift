import AtlasModel
import Foundation
import GRDB

/// The WorksAtlas store: one SQLite file with SpatiaLite, WAL and `synchronous=FULL`.
/// Write methods run invariant-preserving transactions; reads never block writes.
public struct AppDatabase: Sendable {
    let dbWriter: any DatabaseWriter
    /// The units every read sees: those in force on this date, or the latest vintage when nil.
    public internal(set) var unitsDate: CalendarDate?

    /// Opens (creating and migrating when needed) the database file at `path`.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let pool = try DatabasePool(path: path, configuration: Self.makeConfiguration())
        try self.init(pool)
    }

    init(_ dbWriter: any DatabaseWriter) throws {
        self.dbWriter = dbWriter
        try Self.migrator.migrate(dbWriter)
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.loadSpatiaLite()
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 128 MiB of page cache keeps large imports from spilling to the WAL mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -131072")
            // Memory-mapped reads: whole-table scans (coverage) skip a copy per page.
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
        }
        return config
    }

    /// The migrations applied so far, for `init` and diagnostics.
    public func appliedMigrations() throws -> [String] {
        try dbWriter.read { try Self.migrator.appliedMigrations($0) }
    }
}
