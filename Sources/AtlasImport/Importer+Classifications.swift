import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    /// Imports programme classifications (CSV: period, code, flag).
    public func importClassifications(from file: URL, provenance: ImportProvenance = .init()) throws -> ImportReport {
        let table = try parseCSV(file)
        var log = ProblemLog(file: file.path)
        table.checkColumns(required: ["period", "code", "flag"], optional: [], log: &log)
        try log.finish()
        // A classification names the units in force when its period began.
        var kindsByPeriod: [String: [String: UnitKind]] = [:]
        func kinds(in period: String) throws -> [String: UnitKind] {
            if let known = kindsByPeriod[period] { return known }
            let first = NumberText.integer(String(period.prefix(4))).flatMap { try? CalendarDate(year: Int($0), month: 1, day: 1) }
            let units = database.onUnits(first)
            var found: [String: UnitKind] = [:]
            for kind in [UnitKind.province, .district, .commune] {
                for unit in try units.units(kind: kind) { found[unit.code] = kind }
            }
            for code in try database.villageCommunes().keys { found[code] = .village }
            kindsByPeriod[period] = found
            return found
        }
        let (periodC, codeC, flagC) = (table.column("period"), table.column("code"), table.column("flag"))
        var rows: [Classification] = []
        for record in table.records {
            let at = "line \(record.line)"
            let period = table.value(record, periodC) ?? ""
            let code = table.value(record, codeC) ?? ""
            let flagText = table.value(record, flagC) ?? ""
            var ok = true
            if !Self.isPeriod(period) {
                log.add(at, "period", period, "period must be written YYYY-YYYY, e.g. 2016-2020")
                ok = false
            }
            let flag: ClassificationFlag?
            do {
                flag = try ClassificationFlag.parse(flagText, field: "flag")
            } catch {
                log.add(at, "flag", flagText, error.description)
                flag = nil
                ok = false
            }
            // The code names a unit in force on the period's first day (a bad period was reported).
            if Self.isPeriod(period) {
                if let kind = try kinds(in: period)[code] {
                    if let flag, !Self.allowedKinds(flag).contains(kind) {
                        let allowed = Self.allowedKinds(flag).map(\.rawValue).joined(separator: " or ")
                        log.add(
                            at, "flag", flag.rawValue,
                            "\(flag.rawValue) applies to a \(allowed), but \(code) is a \(kind.rawValue)")
                        ok = false
                    }
                } else {
                    log.add(
                        at, "code", code,
                        code.isEmpty
                            ? "code is required" : "no unit in force when \(period) began, nor village, has this code")
                    ok = false
                }
            }
            if ok, let flag { rows.append(Classification(period: period, code: code, flag: flag)) }
        }
        try log.finish()
        try database.saveClassifications(rows, source: provenance.resolved(kind: "classifications", file: file))
        return ImportReport(kind: "classifications", file: file.path, rowCount: rows.count, warnings: log.warnings)
    }

    static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let a = NumberText.integer(String(parts[0])),
            let b = NumberText.integer(String(parts[1]))
        else { return false }
        return parts[0].count == 4 && parts[1].count == 4 && a <= b
    }

    static func allowedKinds(_ flag: ClassificationFlag) -> [UnitKind] {
        switch flag {
        case .poor30a: [.district]
        case .difficult135: [.commune, .village]
        case .border, .safeZone: [.commune]
        }
    }
}
