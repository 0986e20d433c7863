import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    /// Imports villages (CSV: code, commune_code, name, lon, lat, households).
    public func importVillages(
        from file: URL, srid: Int32 = 4326, provenance: ImportProvenance = .init()
    ) throws
        -> ImportReport
    {
        let table = try parseCSV(file)
        var log = ProblemLog(file: file.path)
        table.checkColumns(
            required: ["code", "commune_code", "name"], optional: ["lon", "lat", "households"], log: &log)
        try log.finish()
        let communes = Set(try database.units(kind: .commune).map(\.code))
        let checker = try LocationChecker(inputSRID: srid, database: database)
        let (codeC, communeC, nameC) = (table.column("code"), table.column("commune_code"), table.column("name"))
        let (lonC, latC, householdsC) = (table.column("lon"), table.column("lat"), table.column("households"))
        var rows: [VillageRow] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let at = "line \(record.line)"
            let code = table.value(record, codeC) ?? ""
            let commune = table.value(record, communeC) ?? ""
            let name = table.value(record, nameC) ?? ""
            var ok = true
            func bad(_ field: String, _ value: String, _ reason: String) {
                log.add(at, field, value, reason)
                ok = false
            }
            if code.isEmpty { bad("code", code, "code is required") }
            if let first = seen[code], !code.isEmpty { bad("code", code, "duplicate of line \(first)") }
            seen[code] = seen[code] ?? record.line
            if !communes.contains(commune) {
                bad(
                    "commune_code", commune,
                    commune.isEmpty ? "commune_code is required" : "no commune with this code is loaded")
            } else if !(code.hasPrefix(commune) && code.count == commune.count + 3 && code.allSatisfy(\.isNumber)) {
                bad("code", code, "a village code is its commune code followed by 3 digits (e.g. \(commune)001)")
            }
            if name.isEmpty { bad("name", name, "name is required") }
            var households: Int?
            if let text = table.value(record, householdsC) {
                if let n = Self.integer(text), n >= 0, n < 1_000_000 {
                    households = Int(n)
                } else {
                    bad("households", text, "households must be a whole number ≥ 0")
                }
            }
            var location: Position?
            var metric: Position?
            switch (table.value(record, lonC), table.value(record, latC)) {
            case (nil, nil): break
            case (let lon?, let lat?):
                guard let x = Self.number(lon) else { bad("lon", lon, "not a finite number"); break }
                guard let y = Self.number(lat) else { bad("lat", lat, "not a finite number"); break }
                switch checker.locate(.point(Position(x: x, y: y))) {
                case .success(let located):
                    location = located.wgs84.positions[0]
                    metric = located.metric.positions[0]
                case .failure(let problem): bad("lon,lat", "\(lon),\(lat)", problem.reason)
                }
            case (let lon, let lat):
                bad(lon == nil ? "lon" : "lat", "", "lon and lat must both be given or both be empty")
            }
            if ok {
                rows.append(
                    VillageRow(
                        village: Village(
                            code: code, communeCode: commune, name: name, location: location, households: households),
                        metricLocation: metric))
            }
        }
        try log.finish()
        try database.saveVillages(rows, source: provenance.resolved(kind: "villages", file: file))
        return ImportReport(kind: "villages", file: file.path, rowCount: rows.count, warnings: log.warnings)
    }
}
