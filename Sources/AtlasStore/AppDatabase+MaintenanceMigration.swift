import GRDB

extension AppDatabase {
    /// Who paid for upkeep (the funding-line vocabulary, unchecked in SQL as `fundingLine.source`
    /// is, so a new word needs no migration), and an index covering the per-work reads and the
    /// grouped count, sum and latest date of the works layer. Registered after the session migration.
    static func registerMaintenanceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("addMaintenanceSource") { db in
            try db.execute(
                sql: """
                    ALTER TABLE maintenanceEvent ADD COLUMN source TEXT;
                    CREATE INDEX maintenanceEvent_work ON maintenanceEvent(workId, happenedOn, costVND);
                    """)
        }
    }
}
