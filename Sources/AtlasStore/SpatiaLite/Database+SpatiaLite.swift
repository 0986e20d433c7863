import CSpatiaLite
import GRDB

extension Database {
    /// Initialises SpatiaLite on this connection (once per connection, from `prepareDatabase`).
    func loadSpatiaLite() throws {
        let code = atlas_spatialite_attach(sqliteConnection)
        guard code == SQLITE_OK else { throw StoreError.spatiaLiteUnavailable(code: code) }
        guard try String.fetchOne(self, sql: "SELECT spatialite_version()") != nil else {
            throw StoreError.spatiaLiteUnavailable(code: code)
        }
    }
}
