import AtlasModel
import GRDB

extension AppDatabase {
    /// Stores successions in one transaction; the lines of a date already stored are replaced
    /// by those of the file (a file states a reorganisation whole).
    public func saveSuccessions(_ successions: [Succession], source: DataSource) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: successions.count, in: db)
            for date in Set(successions.map(\.effectiveOn)) {
                try db.execute(sql: "DELETE FROM unitSuccession WHERE effectiveOn = ?", arguments: [date.description])
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO unitSuccession (oldCode, newCode, effectiveOn, relation, share, sourceId)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for s in successions {
                try insert.execute(arguments: [
                    s.oldCode, s.newCode, s.effectiveOn.description, s.relation.rawValue, s.share, sourceId,
                ])
            }
        }
    }

    /// Every stored succession, by date then old and new code.
    public func successions() throws -> [Succession] {
        try dbWriter.read { db in try Self.successions(in: db) }
    }

    static func successions(in db: Database) throws -> [Succession] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT oldCode, newCode, effectiveOn, relation, share FROM unitSuccession
                ORDER BY effectiveOn, oldCode, newCode
                """
        ).map { row in
            Succession(
                oldCode: row[0], newCode: row[1], effectiveOn: try CalendarDate(iso: row[2]),
                relation: try SuccessionRelation.parse(row[3] as String? ?? "whole", field: "relation"),
                share: row[4])
        }
    }
}
