import AtlasGDAL
import AtlasGeoJSON
import AtlasModel
import AtlasStore

extension Importer {
    /// Works from an office or field table: headers mapped to fields, values rewritten to the
    /// SPEC §5 forms, the location from the file's geometry or from coordinate columns.
    func officeDrafts(
        _ read: OfficeTable, options: WorkFileOptions, mapping: [String: WorkColumn], log: inout ProblemLog
    ) throws -> [WorkDraft] {
        let table = options.tcvn3 ? read.fromTCVN3() : read
        for note in table.notes { log.note(note) }
        let columns = OfficeColumnMap(table, mapped: mapping, log: &log)
        for (field, _) in options.defaults.sorted(by: { $0.key < $1.key })
        where !WorkFieldParser.knownFields.contains(field) {
            log.add("--defaults", field, options.defaults[field] ?? "", "not a works field")
        }
        for field in ["id", "name", "programme", "category", "status"]
        where !columns.has(.field(field)) && options.defaults[field] == nil {
            log.add(
                table.headerLocation, field, "",
                "required column \"\(field)\" is missing (columns: \(table.headers.filter { !$0.isEmpty }.joined(separator: ", "))); name one \(field) or map it with --columns, or give --defaults \(field)=…"
            )
        }
        var locator = OfficeLocator(columns: columns, hasGeometry: table.hasGeometry)
        if !locator.canLocate {
            log.add(
                table.headerLocation, "lon,lat / x,y / wkt", "",
                "a works table needs lon and lat (Kinh độ, Vĩ độ), x and y with --srid, a wkt or a geopoint column")
        }
        if !table.rows.contains(where: { !$0.cells.allSatisfy(\.isBlank) }) {
            log.add(table.headerLocation, "-", "", "no rows after the header: nothing to import")
        }
        try log.finish()
        if locator.swapsVietnameseXY(table.rows) {
            log.note("x/y read as Vietnamese survey X = northing, Y = easting (X is the larger number)")
        }
        var drafts: [WorkDraft] = []
        for row in table.rows where !row.cells.allSatisfy(\.isBlank) {
            if Self.isTotalsRow(row, columns) {
                log.note("\(row.location) skipped: a totals row (no id, \"Tổng cộng\")")
                continue
            }
            let at = DraftLocation.office(row.location)
            var geometry: Geometry?
            var accuracy: Double?
            switch locator.locate(row, database: database) {
            case .success(let located): (geometry, accuracy) = (located.geometry, located.accuracy)
            case .failure(let problem): log.add(at.description, problem.field, problem.value, problem.reason)
            }
            let defaults = options.defaults
            var parser = WorkFieldParser(location: at, log: log) { field in
                if let cell = columns.cell(row, .field(field)) { return OfficeWorkValues.value(cell, field: field) }
                if field == "accuracy_m", let accuracy { return .double(accuracy) }
                return defaults[field].map { OfficeWorkValues.value(.string($0), field: field) }
            }
            let work = parser.work(geometry: geometry ?? .point(Position(x: 0, y: 0)))
            log = parser.log
            if let work, geometry != nil { drafts.append(WorkDraft(location: at, work: work)) }
        }
        return drafts
    }

    /// The "Tổng cộng" line under a clerk's table sums the amounts; it is no work.
    static func isTotalsRow(_ row: OfficeTable.Row, _ columns: OfficeColumnMap) -> Bool {
        guard columns.cell(row, .field("id"))?.isBlank ?? true else { return false }
        return row.cells.contains { cell in
            let key = cell.text.map(WorkColumns.key) ?? ""
            return key == "tong cong" || key == "tong" || key == "cong" || key == "tong so" || key == "total"
        }
    }
}
