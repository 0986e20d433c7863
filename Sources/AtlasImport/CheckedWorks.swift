import AtlasStore

/// A works file read and checked but not written: the rows `saveWorks` takes, the source they
/// are recorded under, and what the reading said. A preview shows it; an import saves it.
public struct CheckedWorks: Sendable {
    public private(set) var rows: [WorkRow]
    /// Where each row was in the file, as the user's tool shows it ("line 4", "sheet "Danh mục"
    /// row 7"); empty unless the check was asked to keep them.
    public let locations: [String]
    public let source: DataSource
    public let warnings: [String]
    /// How the file was read: the sheet and header row, each header mapped, the dialect, the CRS.
    public let notes: [String]
    /// Seconds spent reading and validating.
    public let phases: [(name: String, seconds: Double, cpuSeconds: Double)]

    /// The rows, leaving none behind (a large import keeps one copy in memory, not two).
    mutating func takeRows() -> [WorkRow] {
        defer { rows = [] }
        return rows
    }
}
