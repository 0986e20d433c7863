import GRDB

extension AppDatabase {
    /// Several vintages of units side by side: a unit is its code and its validity (codes are
    /// reused with new meanings, e.g. 06004 before and after 2025-07-01), so `adminUnit` gets a row
    /// id and a unique (code, validFrom), and the references to `adminUnit(code)` go: the commune
    /// of a village or a work is a code of the vintage asked, found by location.
    static func registerVintageMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("unitVintages") { db in
            // SQLite cannot drop a constraint, so the tables are rebuilt as sqlite.org/lang_altertable.html
            // ("Making Other Kinds Of Table Schema Changes") says; rowids are kept, so the spatial
            // indexes (keyed by rowid) stay valid.
            try db.execute(sql: "PRAGMA legacy_alter_table = ON")
            try rebuild("adminUnit", in: db, withTable: vintagedAdminUnitSQL)
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX adminUnit_identity ON adminUnit(code, ifnull(validFrom, ''));
                    CREATE TRIGGER atlas_index_delete_adminUnit AFTER DELETE ON adminUnit BEGIN
                        DELETE FROM idx_adminUnit_geometry WHERE pkid = OLD.rowid;
                    END;
                    """)
            for table in ["village", "work"] {
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
                guard let sql else { continue }
                // Works also get the programmes of 2021–2025 and 2026 (ProgrammePeriod).
                let edited = sql.replacingOccurrences(of: " REFERENCES adminUnit(code)", with: "")
                    .replacingOccurrences(
                        of: "('30a', '135', 'ntm', 'other', 'existing')",
                        with: "('30a', '135', 'ntm', 'other', 'existing', 'ntp_poverty', '1719', 'ntp_2026')")
                try rebuild(table, in: db, withTable: edited)
            }
            // The date whose units a figure's code names (nil: the units in force at the import).
            try db.execute(sql: "ALTER TABLE yearStats ADD COLUMN unitsOn TEXT")
            // The date whose units a village's commune code names.
            try db.execute(sql: "ALTER TABLE village ADD COLUMN communeUnitsOn TEXT")
            try db.execute(sql: "ALTER TABLE unitSuccession ADD COLUMN share REAL CHECK (share IS NULL OR (share > 0 AND share <= 1))")
            try db.execute(sql: "ALTER TABLE unitSuccession ADD COLUMN sourceId INTEGER REFERENCES dataSource(id)")
            try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        }
    }

    /// Replaces `table` by one made with `createSQL` (a `CREATE TABLE table (...)` statement),
    /// copying the rows with their rowids and re-creating the table's indexes and triggers.
    private static func rebuild(_ table: String, in db: Database, withTable createSQL: String) throws {
        let dependents = try String.fetchAll(
            db,
            sql: "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
            arguments: [table])
        let columns = try db.columns(in: table).map { "\"\($0.name)\"" }.joined(separator: ", ")
        let rebuilt = "\(table)_rebuilt"
        guard let open = createSQL.firstIndex(of: "(") else { throw DatabaseError(message: "no column list for \(table)") }
        try db.execute(sql: "CREATE TABLE \"\(rebuilt)\" " + createSQL[open...])
        try db.execute(sql: "INSERT INTO \"\(rebuilt)\" (rowid, \(columns)) SELECT rowid, \(columns) FROM \"\(table)\"")
        try db.execute(sql: "DROP TABLE \"\(table)\"")
        try db.execute(sql: "ALTER TABLE \"\(rebuilt)\" RENAME TO \"\(table)\"")
        for sql in dependents { try db.execute(sql: sql) }
    }
}

private let vintagedAdminUnitSQL = """
    CREATE TABLE adminUnit (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune')),
        type TEXT,
        name TEXT NOT NULL,
        nameFolded TEXT NOT NULL,
        parentCode TEXT,
        validFrom TEXT,
        validTo TEXT CHECK (validTo IS NULL OR validFrom IS NULL OR validTo >= validFrom),
        metricGeometry BLOB NOT NULL,
        sourceId INTEGER REFERENCES dataSource(id),
        geometry MULTIPOLYGON
    )
    """
