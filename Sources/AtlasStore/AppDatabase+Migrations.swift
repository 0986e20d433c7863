import AtlasModel
import GRDB

extension AppDatabase {
    /// Shipped migrations are never edited: add a new one instead.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("initSpatialMetadata") { db in
            // Full EPSG table: VN-2000 systems are needed for --srid and the metric copy.
            try db.execute(sql: "SELECT InitSpatialMetaData(0)")
        }
        migrator.registerMigration("createRegistry") { db in
            try db.execute(sql: createRegistrySQL)
            for (table, type) in [("adminUnit", "MULTIPOLYGON"), ("village", "POINT"), ("work", "GEOMETRY")] {
                try db.execute(sql: "SELECT AddGeometryColumn('\(table)', 'geometry', 4326, '\(type)', 'XY')")
                try db.execute(sql: "SELECT CreateSpatialIndex('\(table)', 'geometry')")
            }
        }
        migrator.registerMigration("leanSpatialIndexTriggers") { db in
            // SpatiaLite's per-row triggers re-read geometry_columns, stamp geometry_columns_time and
            // build SQL text for every insert (about 20 µs a row); the store writes well-formed
            // blobs itself, so the R*Tree is kept by plain-SQL triggers instead. New works get
            // their index row from WorkWriter directly, with the box it already knows.
            for table in ["adminUnit", "village", "work"] {
                for prefix in ["ggi", "ggu", "tmi", "tmu", "tmd", "gii", "giu"] {
                    try db.execute(sql: "DROP TRIGGER IF EXISTS \"\(prefix)_\(table)_geometry\"")
                }
                let box = "MbrMinX(NEW.geometry), MbrMaxX(NEW.geometry), MbrMinY(NEW.geometry), MbrMaxY(NEW.geometry)"
                if table != "work" {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER atlas_index_insert_\(table) AFTER INSERT ON "\(table)"
                            WHEN NEW.geometry IS NOT NULL BEGIN
                                INSERT OR REPLACE INTO "idx_\(table)_geometry" (pkid, xmin, xmax, ymin, ymax)
                                VALUES (NEW.rowid, \(box));
                            END;
                            """)
                }
                try db.execute(
                    sql: """
                        CREATE TRIGGER atlas_index_update_\(table) AFTER UPDATE OF geometry ON "\(table)" BEGIN
                            DELETE FROM "idx_\(table)_geometry" WHERE pkid = OLD.rowid;
                            INSERT INTO "idx_\(table)_geometry" (pkid, xmin, xmax, ymin, ymax)
                            SELECT NEW.rowid, \(box) WHERE NEW.geometry IS NOT NULL;
                        END;
                        """)
            }
        }
        registerServerMigrations(&migrator)
        migrator.registerMigration("capMoneyPerLine") { db in
            // The file refuses what the parsers refuse, so a hand-edited row cannot make sums wrap.
            for (table, column) in [
                ("fundingLine", "plannedVND"), ("fundingLine", "disbursedVND"), ("maintenanceEvent", "costVND"),
            ] {
                for event in ["INSERT", "UPDATE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(column)_ceiling_\(event.lowercased()) BEFORE \(event) ON \(table)
                            WHEN NEW.\(column) > \(Money.ceilingVND) BEGIN
                                SELECT RAISE(ABORT, '\(column) above the ceiling of \(Money.ceilingVND) đồng per line');
                            END;
                            """)
                }
            }
        }
        registerVintageMigration(&migrator)
        registerSessionMigration(&migrator)
        registerMaintenanceMigration(&migrator)
        return migrator
    }
}

private let createRegistrySQL = """
    CREATE TABLE dataSource (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file TEXT NOT NULL,
        importedAt TEXT NOT NULL,
        rowCount INTEGER NOT NULL,
        attribution TEXT,
        notice TEXT
    );
    CREATE TABLE adminUnit (
        code TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune')),
        type TEXT,
        name TEXT NOT NULL,
        nameFolded TEXT NOT NULL,
        parentCode TEXT REFERENCES adminUnit(code) DEFERRABLE INITIALLY DEFERRED,
        validFrom TEXT,
        validTo TEXT,
        metricGeometry BLOB NOT NULL,
        sourceId INTEGER REFERENCES dataSource(id)
    );
    CREATE INDEX adminUnit_parent ON adminUnit(parentCode);
    CREATE INDEX adminUnit_kind ON adminUnit(kind);
    CREATE TABLE unitSuccession (
        oldCode TEXT NOT NULL,
        newCode TEXT NOT NULL,
        effectiveOn TEXT NOT NULL,
        relation TEXT,
        PRIMARY KEY (oldCode, newCode, effectiveOn)
    );
    CREATE TABLE classification (
        period TEXT NOT NULL,
        code TEXT NOT NULL,
        flag TEXT NOT NULL CHECK (flag IN ('poor_30a', 'difficult_135', 'border', 'safe_zone')),
        sourceId INTEGER REFERENCES dataSource(id),
        PRIMARY KEY (period, code, flag)
    );
    CREATE TABLE village (
        code TEXT PRIMARY KEY NOT NULL,
        communeCode TEXT NOT NULL REFERENCES adminUnit(code),
        name TEXT NOT NULL,
        nameFolded TEXT NOT NULL,
        households INTEGER CHECK (households IS NULL OR households >= 0),
        metricX REAL,
        metricY REAL,
        sourceId INTEGER REFERENCES dataSource(id)
    );
    CREATE INDEX village_commune ON village(communeCode);
    CREATE TABLE yearStats (
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        households INTEGER NOT NULL CHECK (households >= 0),
        poorHouseholds INTEGER NOT NULL CHECK (poorHouseholds >= 0),
        nearPoorHouseholds INTEGER NOT NULL CHECK (nearPoorHouseholds >= 0),
        sourceId INTEGER REFERENCES dataSource(id),
        PRIMARY KEY (year, code)
    );
    CREATE TABLE work (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        programme TEXT NOT NULL CHECK (programme IN ('30a', '135', 'ntm', 'other', 'existing')),
        category TEXT NOT NULL CHECK (category IN
            ('road', 'electricity', 'culture', 'health', 'school', 'irrigation', 'water', 'other')),
        status TEXT NOT NULL CHECK (status IN
            ('proposed', 'approved', 'under_construction', 'completed', 'handed_over', 'cancelled')),
        surface TEXT CHECK (surface IS NULL OR surface IN ('earth', 'gravel', 'asphalt', 'concrete')),
        roadClass TEXT,
        declaredCommuneCode TEXT,
        communeCode TEXT REFERENCES adminUnit(code),
        exactness TEXT NOT NULL DEFAULT 'exact' CHECK (exactness IN ('exact', 'approximate', 'admin_unit')),
        accuracyM REAL,
        approvedOn TEXT,
        startedOn TEXT,
        completedOn TEXT,
        investor TEXT,
        lengthM REAL,
        plannedVND INTEGER NOT NULL DEFAULT 0,
        disbursedVND INTEGER NOT NULL DEFAULT 0,
        metricGeometry BLOB NOT NULL,
        sourceId INTEGER REFERENCES dataSource(id),
        -- The status a work was registered in, and when: the first entry of its history.
        registeredStatus TEXT NOT NULL,
        registeredOn TEXT,
        registeredAt TEXT NOT NULL
    );
    -- Covers the per-commune counts and sums, so they never read the wide rows with geometry.
    CREATE INDEX work_commune ON work(communeCode, category, status, plannedVND, disbursedVND);
    CREATE TABLE workVillage (
        workId TEXT NOT NULL REFERENCES work(id) ON DELETE CASCADE,
        villageCode TEXT NOT NULL,
        PRIMARY KEY (workId, villageCode)
    ) WITHOUT ROWID;
    CREATE TABLE fundingLine (
        id INTEGER PRIMARY KEY,
        workId TEXT NOT NULL REFERENCES work(id) ON DELETE CASCADE,
        source TEXT,
        plannedVND INTEGER NOT NULL DEFAULT 0 CHECK (plannedVND >= 0),
        disbursedVND INTEGER NOT NULL DEFAULT 0 CHECK (disbursedVND >= 0),
        labourDays INTEGER
    );
    CREATE INDEX fundingLine_work ON fundingLine(workId);
    -- Status changes after registration.
    CREATE TABLE workStatusChange (
        id INTEGER PRIMARY KEY,
        workId TEXT NOT NULL REFERENCES work(id) ON DELETE CASCADE,
        fromStatus TEXT,
        toStatus TEXT NOT NULL,
        changedOn TEXT,
        recordedAt TEXT NOT NULL
    );
    CREATE INDEX workStatusChange_work ON workStatusChange(workId);
    CREATE TABLE maintenanceEvent (
        id INTEGER PRIMARY KEY,
        workId TEXT NOT NULL REFERENCES work(id) ON DELETE CASCADE,
        happenedOn TEXT NOT NULL,
        costVND INTEGER NOT NULL DEFAULT 0 CHECK (costVND >= 0),
        note TEXT
    );
    """
