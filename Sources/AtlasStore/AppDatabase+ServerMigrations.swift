import GRDB

extension AppDatabase {
    /// Migrations of the server's tables (users, tokens, audit), registered after the registry's.
    static func registerServerMigrations(_ migrator: inout DatabaseMigrator) {}
}
