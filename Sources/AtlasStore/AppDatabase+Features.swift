import AtlasModel
import CSpatiaLite
import Foundation
import GRDB

/// Reads for OGC API – Features: filtered, paged id lists (the R*Tree pre-filters a bbox, GEOS
/// decides), then the features of a page in chunks. All values are bound, never spliced. The
/// filtered queries stop with ``QueryTimeLimitExceeded`` after `timeLimit` seconds.
extension AppDatabase {
    // MARK: Works

    /// Ids of the matching works, sorted, `limit` from `offset`, with the number of all matches
    /// counted in the same scan (nil when the page is empty).
    public func workIDs(
        matching filter: WorkFeatureFilter, limit: Int, offset: Int, timeLimit: Double = 10
    )
        async throws -> (ids: [String], total: Int?)
    {
        let (whereSQL, arguments) = Self.workClauses(filter)
        return try await dbWriter.read { db in
            try Self.withTimeLimit(timeLimit, in: db) {
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT w.id, count(*) OVER () \(Self.workFrom) \(whereSQL) ORDER BY w.id LIMIT ? OFFSET ?"
                    ),
                    arguments: arguments + [limit, offset])
                return (rows.map { $0[0] }, rows.first.map { $0[1] })
            }
        }
    }

    public func workCount(matching filter: WorkFeatureFilter, timeLimit: Double = 10) async throws -> Int {
        let (whereSQL, arguments) = Self.workClauses(filter)
        return try await dbWriter.read { db in
            try Self.withTimeLimit(timeLimit, in: db) {
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) \(Self.workFrom) \(whereSQL)"), arguments: arguments) ?? 0
            }
        }
    }

    /// The works with these ids (sorted by id) with their villages served and maintenance
    /// summaries; totals only for funding.
    public func featureWorks(ids: [String]) async throws -> [StoredWork] {
        guard !ids.isEmpty else { return [] }
        return try await dbWriter.read { db in
            // One statement shape for any page (ids as a JSON array), so it is prepared once.
            let idList = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
            var served: [String: [String]] = [:]
            let villageRows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT workId, villageCode FROM workVillage
                        WHERE workId IN (SELECT value FROM json_each(?)) ORDER BY workId, villageCode
                        """), arguments: [idList])
            while let row = try villageRows.next() { served[row[0], default: []].append(row[1]) }
            let maintained = try Self.maintenanceSummaries(in: db, idList: idList)
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: "\(Self.workSelect) WHERE w.id IN (SELECT value FROM json_each(?)) ORDER BY w.id"),
                arguments: [idList])
            var result: [StoredWork] = []
            result.reserveCapacity(ids.count)
            while let row = try rows.next() {
                var work = try StoredWork(row: row)
                work.work.villagesServed = served[work.work.id] ?? []
                work.maintenance = maintained[work.work.id] ?? MaintenanceSummary()
                result.append(work)
            }
            return try placedOnUnitsSeen(result, in: db)
        }
    }

    /// One work with funding lines and villages served (no history), or nil.
    public func featureWork(id: String) async throws -> StoredWork? {
        try await dbWriter.read { db in
            guard let work = try Self.storedWork(id: id, in: db) else { return nil }
            return try placedOnUnitsSeen([work], in: db).first
        }
    }

    /// Earliest and latest completion dates, as stored (YYYY-MM-DD).
    public func completionDateRange() async throws -> (first: String?, last: String?) {
        try await dbWriter.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT min(completedOn) AS a, max(completedOn) AS b FROM work")
            return (row?["a"], row?["b"])
        }
    }

    // MARK: Units

    /// Codes of the matching units, sorted, `limit` from `offset`.
    public func unitCodes(
        matching filter: UnitFeatureFilter, limit: Int, offset: Int, timeLimit: Double = 10
    )
        async throws -> [String]
    {
        return try await dbWriter.read { db in
            let (whereSQL, arguments) = Self.unitClauses(filter, day: try unitsDay(db))
            return try Self.withTimeLimit(timeLimit, in: db) {
                try String.fetchAll(
                    db, sql: "SELECT u.code FROM adminUnit u \(whereSQL) ORDER BY u.code LIMIT ? OFFSET ?",
                    arguments: arguments + [limit, offset])
            }
        }
    }

    public func unitCount(matching filter: UnitFeatureFilter, timeLimit: Double = 10) async throws -> Int {
        return try await dbWriter.read { db in
            let (whereSQL, arguments) = Self.unitClauses(filter, day: try unitsDay(db))
            return try Self.withTimeLimit(timeLimit, in: db) {
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM adminUnit u \(whereSQL)"), arguments: arguments) ?? 0
            }
        }
    }

    /// The units with these codes, sorted by code, with their WGS84 boundaries.
    public func unitFeatures(codes: [String]) async throws -> [UnitFeature] {
        guard !codes.isEmpty else { return [] }
        return try await dbWriter.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT code, name, type, parentCode, geometry FROM adminUnit u
                    WHERE code IN (\(Self.inList(codes.count))) AND \(Self.inForce("u", on: try unitsDay(db))) ORDER BY code
                    """, arguments: StatementArguments(codes))
            var result: [UnitFeature] = []
            while let row = try rows.next() {
                let blob: Data = row["geometry"]
                result.append(
                    UnitFeature(
                        code: row["code"], name: row["name"], type: row["type"], parentCode: row["parentCode"],
                        geometry: try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }))
            }
            return result
        }
    }

    // MARK: Extents and change detection

    /// The box of every unit of `kind` (from the R*Tree), or nil when there are none.
    public func unitExtent(kind: UnitKind) async throws -> BoundingBox? {
        let day = try await dbWriter.read { db in try unitsDay(db) }
        return try await extent(
            sql: """
                SELECT min(r.xmin), min(r.ymin), max(r.xmax), max(r.ymax) FROM idx_adminUnit_geometry r
                JOIN adminUnit u ON u.rowid = r.pkid WHERE u.kind = ? AND \(Self.inForce("u", on: day))
                """, arguments: [kind.rawValue])
    }

    /// The box of every work (from the R*Tree), or nil when there are none.
    public func workExtent() async throws -> BoundingBox? {
        try await extent(sql: "SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM idx_work_geometry", arguments: [])
    }

    /// A value that changes whenever anything is imported, edited or changes status (from any
    /// process), so caches of derived layers know when to recompute.
    public func changeStamp() async throws -> String {
        try await dbWriter.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT (SELECT ifnull(max(id), 0) FROM dataSource) || '/' ||
                           (SELECT ifnull(max(id), 0) FROM auditEntry) || '/' ||
                           (SELECT ifnull(max(id), 0) FROM workStatusChange)
                    """) ?? ""
        }
    }

    // MARK: Helpers

    /// Runs `body`, interrupting its statements once `seconds` have passed (SQLite's progress
    /// handler, checked every 1,000 virtual-machine steps).
    static func withTimeLimit<T>(_ seconds: Double, in db: Database, _ body: () throws -> T) throws -> T {
        let deadline = Deadline(DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9))
        let context = Unmanaged.passRetained(deadline).toOpaque()
        sqlite3_progress_handler(
            db.sqliteConnection, 1_000,
            { context in
                guard let context else { return 0 }
                let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
                return DispatchTime.now().uptimeNanoseconds > deadline.nanoseconds ? 1 : 0
            }, context)
        defer {
            sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
            Unmanaged<Deadline>.fromOpaque(context).release()
        }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw QueryTimeLimitExceeded(seconds: seconds)
        }
    }

    private final class Deadline {
        let nanoseconds: UInt64
        init(_ nanoseconds: UInt64) { self.nanoseconds = nanoseconds }
    }

    private func extent(sql: String, arguments: StatementArguments) async throws -> BoundingBox? {
        try await dbWriter.read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments),
                let minX = row[0] as Double?, let minY = row[1] as Double?, let maxX = row[2] as Double?,
                let maxY = row[3] as Double?
            else { return nil }
            return BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
    }

    static let workFrom = """
        FROM work w LEFT JOIN \(latestUnits) c ON c.code = w.communeCode
            LEFT JOIN \(latestUnits) d ON d.code = c.parentCode AND d.kind = 'district'
        """
    static var workSelect: String { StoredWork.selectSQL }

    static func inList(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// `WHERE …` and its arguments for a works filter.
    static func workClauses(_ f: WorkFeatureFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let box = f.bbox {
            clauses.append(boxClause(table: "w", index: "idx_work_geometry"))
            arguments += boxArguments(box)
        }
        for (clause, value) in [
            ("w.programme = ?", f.programme?.rawValue), ("w.category = ?", f.category?.rawValue),
            ("w.status = ?", f.status?.rawValue), ("d.code = ?", f.districtCode),
        ] {
            guard let value else { continue }
            clauses.append(clause)
            arguments += [value]
        }
        if let dimension = f.geometryDimension {
            clauses.append("ST_Dimension(w.geometry) = ?")
            arguments += [dimension]
        }
        if f.requiresCompletion || f.completedFrom != nil || f.completedTo != nil {
            clauses.append("w.completedOn IS NOT NULL")
        }
        if let from = f.completedFrom {
            clauses.append("w.completedOn >= ?")
            arguments += [from.description]
        }
        if let to = f.completedTo {
            clauses.append("w.completedOn <= ?")
            arguments += [to.description]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    static func unitClauses(_ f: UnitFeatureFilter, day: String) -> (String, StatementArguments) {
        var clauses = ["u.kind = ?", inForce("u", on: day)]
        var arguments: StatementArguments = [f.kind.rawValue]
        if let parent = f.parentCode {
            clauses.append("u.parentCode = ?")
            arguments += [parent]
        }
        if let box = f.bbox {
            clauses.append(boxClause(table: "u", index: "idx_adminUnit_geometry"))
            arguments += boxArguments(box)
        }
        return ("WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// R*Tree pre-filter (boxes overlap); then a geometry whose own box lies inside the query box
    /// is in (read from the blob header), and only the others go to GEOS's exact test.
    private static func boxClause(table: String, index: String) -> String {
        let g = "\(table).geometry"
        return """
            \(table).rowid IN (SELECT pkid FROM \(index) WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?) \
            AND ((MbrMinX(\(g)) >= ? AND MbrMaxX(\(g)) <= ? AND MbrMinY(\(g)) >= ? AND MbrMaxY(\(g)) <= ?) \
            OR ST_Intersects(\(g), BuildMbr(?, ?, ?, ?, 4326)) = 1)
            """
    }

    private static func boxArguments(_ b: BoundingBox) -> StatementArguments {
        [b.maxX, b.minX, b.maxY, b.minY, b.minX, b.maxX, b.minY, b.maxY, b.minX, b.minY, b.maxX, b.maxY]
    }
}
