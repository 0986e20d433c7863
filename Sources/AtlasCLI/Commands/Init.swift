import ArgumentParser
import AtlasStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database (or bring it up to date) and show what it holds.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let counts = try db.unitCounts()
        print("database \(database.resolvedPath): migrations \(try db.appliedMigrations().joined(separator: ", "))")
        print(
            "holds \(counts[.province] ?? 0) provinces, \(counts[.district] ?? 0) districts, "
                + "\(counts[.commune] ?? 0) communes, \(try db.villageCount()) villages, \(try db.workCount()) works")
    }
}
