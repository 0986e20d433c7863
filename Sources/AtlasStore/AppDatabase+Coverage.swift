import AtlasModel
import Dispatch
import Foundation
import GRDB

extension AppDatabase {
    /// The inputs of the coverage engine: communes, villages, the works whose status may serve,
    /// and works counts. Statistics of `statsYear` (default: the latest year) give the households
    /// of communes without villages.
    public func coverageInputs(rules: CoverageRules, statsYear: Int? = nil) throws -> CoverageInputs {
        let statuses = rules.servingStatuses.map(\.rawValue).sorted()
        let surfaces = rules.servingRoadSurfaces.map(\.rawValue).sorted()
        let needSurface = CoverageRules.categoriesNeedingSurface.map(\.rawValue).sorted()
        // A prefilter by the rules' own status and surface conditions (`CoverageRules.serves`
        // decides): fewer geometries to decode.
        let filter = """
            status IN (\(Self.placeholders(statuses.count)))
            AND (category NOT IN (\(Self.placeholders(needSurface.count))) OR surface IN (\(Self.placeholders(surfaces.count))))
            """
        let filterArguments =
            StatementArguments(statuses) + StatementArguments(needSurface) + StatementArguments(surfaces)
        let works = try servingWorks(filter: filter, arguments: filterArguments)
        return try dbWriter.read { db in
            let year = try statsYear ?? Int.fetchOne(db, sql: "SELECT max(year) FROM yearStats")
            let day = try unitsDay(db)
            let table = Self.units(on: day)
            var households: [String: Int] = [:]
            if let year {
                for figure in try Self.statistics(onDay: day, years: [year], in: db).figures {
                    households[figure.code] = figure.households
                }
            }
            var communes: [CoverageInputs.Commune] = []
            let unitRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.code, d.code, c.metricGeometry FROM \(table) c
                    LEFT JOIN \(table) d ON d.code = c.parentCode AND d.kind = 'district'
                    WHERE c.kind = 'commune' ORDER BY c.code
                    """)
            while let row = try unitRows.next() {
                let code: String = row[0]
                communes.append(
                    CoverageInputs.Commune(
                        code: code, districtCode: row[1], metricGeometry: try Self.decodeGeometry(row, 2),
                        statsHouseholds: households[code]))
            }
            var villages: [CoverageInputs.Village] = []
            let villageCommunes = try Self.villageCommunes(on: day, in: db)
            let villageRows = try Row.fetchCursor(
                db, sql: "SELECT code, metricX, metricY, households FROM village ORDER BY code")
            while let row = try villageRows.next() {
                let x: Double? = row[1], y: Double? = row[2]
                guard let commune = villageCommunes[row[0]] else { continue }
                villages.append(
                    CoverageInputs.Village(
                        code: row[0], communeCode: commune,
                        metricLocation: x.flatMap { x in y.map { Position(x: x, y: $0) } }, households: row[3]))
            }
            var counts: [String: [WorkCategory: Int]] = [:]
            // On other units than the latest, each work's commune is found by location.
            let placed = try seesLatestCommunes(db) ? nil : Self.workCommunes(on: day, in: db)
            let communeColumn = placed == nil ? "communeCode" : "id"
            let countRows = try Row.fetchCursor(
                db,
                sql: "SELECT \(communeColumn), category, count(*) FROM work WHERE \(communeColumn) IS NOT NULL GROUP BY 1, 2")
            while let row = try countRows.next() {
                let place: String = row[0]
                guard let commune = placed == nil ? place : placed?[place],
                    let category = WorkCategory(rawValue: row[1])
                else { continue }
                counts[commune, default: [:]][category, default: 0] += row[2]
            }
            return CoverageInputs(
                communes: communes, villages: villages, works: works, workCounts: counts, statsYear: year)
        }
    }

    /// The serving works with their metric geometry, read in rowid slices on parallel reader
    /// connections (decoding hundreds of thousands of geometries is the bulk of the work).
    private func servingWorks(filter: String, arguments: StatementArguments) throws -> [CoverageInputs.Work] {
        let maxRowid = try dbWriter.read { try Int64.fetchOne($0, sql: "SELECT max(rowid) FROM work") } ?? 0
        let slices = maxRowid > 50_000 ? 2 : 1
        let step = maxRowid / Int64(slices) + 1
        let results = ConcurrentSlots<Result<[CoverageInputs.Work], any Error>>(count: slices, initial: .success([]))
        DispatchQueue.concurrentPerform(iterations: slices) { i in
            results[i] = Result {
                try dbWriter.read { db in
                    try Self.servingWorks(
                        in: db, filter: filter, arguments: arguments, rowids: (Int64(i) * step)..<(Int64(i + 1) * step))
                }
            }
        }
        return try results.values.flatMap { try $0.get() }
    }

    private static func servingWorks(
        in db: Database, filter: String, arguments: StatementArguments, rowids: Range<Int64>
    ) throws -> [CoverageInputs.Work] {
        var served: [String: [String]] = [:]
        let servedRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.workId, v.villageCode FROM workVillage v JOIN work w ON w.id = v.workId
                WHERE w.rowid >= ? AND w.rowid < ? AND \(filter)
                """, arguments: [rowids.lowerBound, rowids.upperBound] + arguments)
        while let row = try servedRows.next() { served[row[0], default: []].append(row[1]) }
        var works: [CoverageInputs.Work] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, category, status, surface, exactness, completedOn, metricGeometry FROM work
                WHERE rowid >= ? AND rowid < ? AND \(filter)
                """, arguments: [rowids.lowerBound, rowids.upperBound] + arguments)
        while let row = try rows.next() {
            let id: String = row[0]
            let surface: String? = row[3]
            let completed: String? = row[5]
            works.append(
                CoverageInputs.Work(
                    id: id, category: try WorkCategory.parse(row[1], field: "category"),
                    status: try WorkStatus.parse(row[2], field: "status"),
                    surface: surface.flatMap(RoadSurface.init(rawValue:)),
                    exactness: Exactness(rawValue: row[4]) ?? .exact,
                    completedOn: completed.flatMap { try? CalendarDate(iso: $0) },
                    metricGeometry: try decodeGeometry(row, 6), villagesServed: served[id] ?? []))
        }
        return works
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: max(count, 1)).joined(separator: ", ")
    }

    /// Decodes a SpatiaLite blob column without copying it out of SQLite first.
    static func decodeGeometry(_ row: Row, _ index: Int) throws -> Geometry {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data else { throw SpatiaLiteBlob.DecodeError.malformed("missing geometry") }
            return try data.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }
        }
    }
}
