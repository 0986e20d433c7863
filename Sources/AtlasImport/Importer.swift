import AtlasModel
import AtlasStore
import Foundation

/// Reads SPEC §5 files, validates every row, and writes all of a file or nothing.
public struct Importer: Sendable {
    let database: any AtlasDataStore

    public init(database: any AtlasDataStore) {
        self.database = database
    }
}

extension Importer {
    /// Whole numbers as written in the files: digits with an optional sign, nothing else.
    static func integer(_ text: String) -> Int64? { NumberText.integer(text) }

    static func number(_ text: String) -> Double? { NumberText.decimal(text) }
}
