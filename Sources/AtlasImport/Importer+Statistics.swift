import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    /// Imports yearly statistics (CSV: year, code, households, poor_households,
    /// near_poor_households, optional units_on). A code names a unit in force on the row's
    /// `units_on`, else on `unitsOn`, else the latest units: codes are reused over time.
    public func importStatistics(
        from file: URL, unitsOn: CalendarDate? = nil, provenance: ImportProvenance = .init()
    ) throws -> ImportReport {
        let table = try parseCSV(file)
        var log = ProblemLog(file: file.path)
        let columns = ["year", "code", "households", "poor_households", "near_poor_households"]
        table.checkColumns(required: columns, optional: ["units_on"], log: &log)
        try log.finish()
        var known: [CalendarDate?: Set<String>] = [:]
        func codes(on date: CalendarDate?) throws -> Set<String> {
            if let cached = known[date] { return cached }
            let found = try database.onUnits(date).allUnitAndVillageCodes()
            known[date] = found
            return found
        }
        let unitsOnColumn = table.column("units_on")
        let c = columns.map { table.column($0) }
        var rows: [YearStats] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let at = "line \(record.line)"
            var ok = true
            func count(_ i: Int) -> Int {
                let text = table.value(record, c[i]) ?? ""
                guard let n = Self.integer(text), n >= 0, n < 100_000_000 else {
                    log.add(
                        at, columns[i], text, text.isEmpty ? "\(columns[i]) is required" : "must be a whole number ≥ 0")
                    ok = false
                    return 0
                }
                return Int(n)
            }
            let yearText = table.value(record, c[0]) ?? ""
            let year = NumberText.integer(yearText).map { Int($0) } ?? 0
            if !(1990...2100).contains(year) {
                log.add(at, "year", yearText, "year must be a whole number between 1990 and 2100")
                ok = false
            }
            var rowUnitsOn = unitsOn
            if let text = table.value(record, unitsOnColumn), !text.isEmpty {
                do { rowUnitsOn = try CalendarDate(iso: text, field: "units_on") } catch {
                    log.add(at, "units_on", text, error.description)
                    ok = false
                }
            }
            let code = table.value(record, c[1]) ?? ""
            if !(try codes(on: rowUnitsOn)).contains(code) {
                let units = rowUnitsOn.map { "in force on \($0)" } ?? "of the latest units"
                log.add(
                    at, "code", code, code.isEmpty ? "code is required" : "no unit or village \(units) has this code")
                ok = false
            }
            let key = "\(year)/\(code)"
            if let first = seen[key] {
                log.add(at, "code", code, "statistics for \(code) in \(year) already given on line \(first)")
                ok = false
            }
            seen[key] = seen[key] ?? record.line
            let households = count(2), poor = count(3), nearPoor = count(4)
            // Poor and near-poor households are disjoint groups of the households (Decree 07/2021).
            if ok && poor + nearPoor > households {
                log.add(
                    at, "poor_households", "\(poor) + \(nearPoor)",
                    "poor_households + near_poor_households (\(poor + nearPoor)) exceeds households (\(households))")
                ok = false
            }
            if ok {
                var stats = YearStats(
                    year: year, code: code, households: households, poorHouseholds: poor, nearPoorHouseholds: nearPoor)
                stats.unitsOn = rowUnitsOn
                rows.append(stats)
            }
        }
        try log.finish()
        try database.saveStats(rows, source: provenance.resolved(kind: "statistics", file: file))
        return ImportReport(kind: "statistics", file: file.path, rowCount: rows.count, warnings: log.warnings)
    }
}
