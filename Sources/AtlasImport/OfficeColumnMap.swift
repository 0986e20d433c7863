import AtlasGDAL
import AtlasModel

/// Which column of a table holds which work field, decided once from the header.
struct OfficeColumnMap {
    private(set) var index: [WorkColumn: Int] = [:]
    /// Every geopoint, geotrace or geoshape column, in order.
    private var geopoints: [Int] = []

    /// Maps every header, noting each mapping and warning of the unknown ones; two columns for
    /// one field is a problem at the header.
    init(_ table: OfficeTable, mapped: [String: WorkColumn], log: inout ProblemLog) {
        var said: [String] = []
        for (i, header) in table.headers.enumerated() where !header.isEmpty {
            let key = WorkColumns.key(header)
            guard let column = WorkColumns.column(forHeader: header, mapped: mapped) else {
                if !table.formatFields.contains(key) { log.warn("unknown column \"\(header)\" ignored") }
                continue
            }
            if column == .ignored { continue }
            // A form asks a point or a line (Kobo's `location` and `geotrace`): the row's answered one is read.
            if column == .geopoint {
                geopoints.append(i)
                if index[column] == nil { index[column] = i }
                if header != column.name { said.append("\(header) → \(column.name)") }
                continue
            }
            if let first = index[column] {
                log.add(
                    table.headerLocation, column.name, header,
                    "both \"\(table.headers[first])\" and \"\(header)\" name \(column.name); keep one (or map one with --columns)")
                continue
            }
            index[column] = i
            if header != column.name { said.append("\(header) → \(column.name)") }
        }
        if !said.isEmpty { log.note("columns: " + said.joined(separator: ", ")) }
    }

    func has(_ column: WorkColumn) -> Bool { index[column] != nil }

    func cell(_ row: OfficeTable.Row, _ column: WorkColumn) -> VectorValue? {
        if column == .geopoint, geopoints.count > 1 {
            let answered = geopoints.first { $0 < row.cells.count && !row.cells[$0].isBlank }
            return answered.map { row.cells[$0] } ?? geopoints.first.flatMap { $0 < row.cells.count ? row.cells[$0] : nil }
        }
        guard let i = index[column], i < row.cells.count else { return nil }
        return row.cells[i]
    }
}
