import AtlasModel
import AtlasSpatial
import Foundation
import GRDB

/// A set of units in force together: the communes (and districts, if any) valid from one date.
public struct UnitVintage: Hashable, Sendable {
    /// nil: valid from the beginning (the first units imported without a date).
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?
    public var communes: Int
    public var districts: Int

    /// Whether these units are in force on `day`.
    public func holds(_ day: CalendarDate) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }
}

extension [UnitVintage] {
    /// The index of the vintage in force on `day` (oldest first, as `vintages()` lists them).
    public func index(inForceOn day: CalendarDate) -> Int? { lastIndex { $0.holds(day) } }
}

extension AppDatabase {
    /// This store with every read on the units in force on `date` (nil: the latest vintage).
    public func onUnits(_ date: CalendarDate?) -> AppDatabase {
        var copy = self
        copy.unitsDate = date
        return copy
    }

    /// The vintages of communes, oldest first.
    public func vintages() throws -> [UnitVintage] {
        try dbWriter.read { db in
            let districts = try Row.fetchAll(
                db, sql: "SELECT validFrom, count(*) FROM adminUnit WHERE kind = 'district' GROUP BY validFrom")
            var districtCounts: [String?: Int] = [:]
            for row in districts { districtCounts[row[0] as String?] = row[1] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT validFrom, max(validTo), count(*) FROM adminUnit WHERE kind = 'commune'
                    GROUP BY validFrom ORDER BY ifnull(validFrom, '')
                    """
            ).map { row in
                let from: String? = row[0], to: String? = row[1]
                return UnitVintage(
                    validFrom: try from.map { try CalendarDate(iso: $0) }, validTo: try to.map { try CalendarDate(iso: $0) },
                    communes: row[2], districts: districtCounts[from] ?? 0)
            }
        }
    }

    // MARK: The units a read sees

    /// The day whose units the reads see, as stored text: `unitsDate`, or the start of the latest
    /// vintage ("0001-01-01" when every unit is valid from the beginning).
    func unitsDay(_ db: Database) throws -> String {
        if let unitsDate { return unitsDate.description }
        return try Self.latestDay(db)
    }

    /// The first day of the vintage in force on `day`.
    static func vintageStart(of day: String, in db: Database) throws -> String {
        try String.fetchOne(
            db, sql: "SELECT max(ifnull(validFrom, '0001-01-01')) FROM adminUnit WHERE ifnull(validFrom, '0001-01-01') <= ?",
            arguments: [day]) ?? "0001-01-01"
    }

    /// The commune of every village on the units of `day`: the code it was imported with when
    /// those are the units it was imported on, else the commune its point lies in, else (no
    /// point) its code when a commune of `day` has it.
    static func villageCommunes(on day: String, in db: Database) throws -> [String: String] {
        let start = try vintageStart(of: day, in: db)
        let communes = Set(try String.fetchAll(db, sql: "SELECT code FROM \(units(on: day)) WHERE kind = 'commune'"))
        var placer: CommuneAssigner?
        var scratch = SpatialScratch()
        var result: [String: String] = [:]
        var starts: [String: String] = [:]  // a village file's day → its vintage (few distinct days)
        for row in try Row.fetchAll(
            db, sql: "SELECT code, communeCode, metricX, metricY, ifnull(communeUnitsOn, '0001-01-01') FROM village")
        {
            let declared: String = row[1], day: String = row[4]
            if starts[day] == nil { starts[day] = try vintageStart(of: day, in: db) }
            if starts[day] == start {
                result[row[0]] = declared
            } else if let x = row[2] as Double?, let y = row[3] as Double? {
                if placer == nil { placer = try communePlacer(on: day, in: db).metric }
                if let k = placer?.communeIndex(containing: Position(x: x, y: y), scratch: &scratch) {
                    result[row[0]] = placer?.codes[k]
                }
            } else if communes.contains(declared) {
                result[row[0]] = declared
            }
        }
        return result
    }

    static func latestDay(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT ifnull(max(validFrom), '0001-01-01') FROM adminUnit") ?? "0001-01-01"
    }

    /// The units in force on `day`, as a derived table for `FROM`/`JOIN`. The day is our own
    /// YYYY-MM-DD text (digits and dashes only), so it is written into the SQL, not bound.
    static func units(on day: String) -> String {
        "(SELECT * FROM adminUnit u WHERE \(inForce("u", on: day)))"
    }

    /// The condition that a row `alias` of `adminUnit` is in force on `day` (our YYYY-MM-DD text).
    static func inForce(_ alias: String, on day: String) -> String {
        precondition(day.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }, "a day is YYYY-MM-DD")
        return "(\(alias).validFrom IS NULL OR \(alias).validFrom <= '\(day)') AND (\(alias).validTo IS NULL OR \(alias).validTo >= '\(day)')"
    }

    /// Each work of `works` with its commune and district on the units seen, when those are
    /// not the latest (for which they are stored).
    func placedOnUnitsSeen(_ works: [StoredWork], in db: Database) throws -> [StoredWork] {
        guard !works.isEmpty, try !seesLatestCommunes(db) else { return works }
        let day = try unitsDay(db)
        let communes = try Self.workCommunes(on: day, ids: works.map(\.work.id), in: db)
        let districts = try Self.districtOfCommune(on: day, in: db)
        return works.map { stored in
            var placed = stored
            placed.communeCode = communes[stored.work.id]
            placed.districtCode = placed.communeCode.flatMap { districts[$0] }
            return placed
        }
    }

    /// The units this store's reads see, as a derived table.
    func unitsTable(_ db: Database) throws -> String { Self.units(on: try unitsDay(db)) }

    /// The units of the latest vintage: the ones a work's stored commune code refers to.
    static let latestUnits = """
        (SELECT * FROM adminUnit WHERE (validFrom IS NULL OR validFrom <= (SELECT ifnull(max(validFrom), '0001-01-01') FROM adminUnit)) \
        AND (validTo IS NULL OR validTo >= (SELECT ifnull(max(validFrom), '0001-01-01') FROM adminUnit)))
        """

    /// Whether the reads see the latest vintage's communes, for which every work's commune is
    /// stored; on other dates it is found by location (`workCommunes`).
    func seesLatestCommunes(_ db: Database) throws -> Bool {
        guard unitsDate != nil else { return true }
        let ids = "SELECT id FROM %@ WHERE kind = 'commune' ORDER BY id"
        let asked = try Int64.fetchAll(db, sql: ids.replacingOccurrences(of: "%@", with: try unitsTable(db)))
        let latest = try Int64.fetchAll(db, sql: ids.replacingOccurrences(of: "%@", with: Self.units(on: Self.latestDay(db))))
        return asked == latest
    }

    /// The commune of every work (or of the works `ids`) on the units in force on `day`, by
    /// location (``CommunePlacer``).
    static func workCommunes(on day: String, ids: [String]? = nil, in db: Database) throws -> [String: String] {
        let placer = try communePlacer(on: day, in: db)
        var result: [String: String] = [:]
        var scratch = SpatialScratch()
        let rows =
            if let ids {
                try Row.fetchCursor(
                    db, sql: "SELECT id, geometry, metricGeometry FROM work WHERE id IN (SELECT value FROM json_each(?))",
                    arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
            } else {
                try Row.fetchCursor(db, sql: "SELECT id, geometry, metricGeometry FROM work")
            }
        while let row = try rows.next() {
            let wgs84 = try decodeGeometry(row, 1), metric = try decodeGeometry(row, 2)
            if let code = placer.commune(wgs84: wgs84, metric: metric, scratch: &scratch) { result[row[0]] = code }
        }
        return result
    }

    /// The communes of `day` ready to place works.
    static func communePlacer(on day: String, in db: Database) throws -> CommunePlacer {
        var metric: [(String, Geometry)] = [], wgs84: [(String, Geometry)] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT code, metricGeometry, geometry FROM \(units(on: day)) WHERE kind = 'commune' ORDER BY code")
        while let row = try rows.next() {
            metric.append((row[0], try decodeGeometry(row, 1)))
            wgs84.append((row[0], try decodeGeometry(row, 2)))
        }
        return CommunePlacer(metric: metric, wgs84: wgs84)
    }

    /// The district of each commune of `day` (communes whose parent is the province have none).
    static func districtOfCommune(on day: String, in db: Database) throws -> [String: String] {
        let table = units(on: day)
        var result: [String: String] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT c.code, d.code FROM \(table) c JOIN \(table) d ON d.code = c.parentCode AND d.kind = 'district'
                WHERE c.kind = 'commune'
                """)
        {
            result[row[0]] = row[1]
        }
        return result
    }

    /// Re-derives every work's stored commune on the latest vintage (after units were imported).
    static func rederiveWorkCommunes(in db: Database) throws {
        let communes = try workCommunes(on: latestDay(db), in: db)
        let update = try db.cachedStatement(sql: "UPDATE work SET communeCode = ? WHERE id = ? AND communeCode IS NOT ?")
        for id in try String.fetchAll(db, sql: "SELECT id FROM work") {
            try update.execute(arguments: [communes[id], id, communes[id]])
        }
    }
}
