import Foundation
import GRDB

extension AppDatabase {
    static func insertSource(_ source: DataSource, rowCount: Int, in db: Database) throws -> Int64 {
        try db.execute(
            literal: """
                INSERT INTO dataSource (kind, file, importedAt, rowCount, attribution, notice)
                VALUES (\(source.kind), \(source.file), \(Self.timestamp()), \(rowCount),
                        \(source.attribution), \(source.notice))
                """)
        return db.lastInsertedRowID
    }

    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// Distinct attributions and notices of everything imported, for outputs to carry.
    public func provenance() throws -> (attributions: [String], notices: [String]) {
        try dbWriter.read { db in
            let attributions = try String.fetchAll(
                db,
                sql: "SELECT DISTINCT attribution FROM dataSource WHERE attribution IS NOT NULL ORDER BY attribution")
            let notices = try String.fetchAll(
                db, sql: "SELECT DISTINCT notice FROM dataSource WHERE notice IS NOT NULL ORDER BY notice")
            return (attributions, notices)
        }
    }

    /// Every import so far, oldest first.
    public func dataSources() throws -> [(source: DataSource, importedAt: String, rowCount: Int)] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dataSource ORDER BY id").map { row in
                (
                    DataSource(
                        kind: row["kind"], file: row["file"], attribution: row["attribution"],
                        notice: row["notice"]),
                    row["importedAt"], row["rowCount"]
                )
            }
        }
    }
}
