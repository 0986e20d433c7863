import AtlasModel
import Foundation
import GRDB

/// Writes of single works that record an audit entry in the same transaction: the check, the
/// change and the entry commit together or not at all.
extension AppDatabase {
    // MARK: Audited writes

    /// Registers a new work. `authorize` sees where it will lie and throws to refuse; `render`
    /// gives the JSON kept in the audit log.
    public func createWork(
        _ row: WorkRow, by actor: AuditActor, recordedOn: CalendarDate,
        authorize: (WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> StoredWork {
        try dbWriter.write { db in
            let id = row.work.id
            if try Self.statuses(of: [id], in: db)[id] != nil { throw WorkExistsError(id: id) }
            try authorize(try Self.place(ofCommune: row.communeCode, in: db))
            let now = Self.timestamp()
            let sourceId = try Self.insertSource(Self.apiSource(actor), rowCount: 1, in: db)
            try WorkWriter(db: db).upsert(
                row, sourceId: sourceId, isNew: true, registeredOn: Self.statusDate(of: row.work) ?? recordedOn,
                recordedAt: now)
            let stored = try Self.requireWork(id: id, in: db)
            try Self.insertAudit(
                actor: actor, action: "work.create", workId: id, before: nil, after: try render(stored), at: now, in: db
            )
            return stored
        }
    }

    /// Replaces an existing work with `row` (same id). `authorize` sees where the work lies now and
    /// where it will lie; status changes must be legal.
    public func updateWork(
        _ row: WorkRow, by actor: AuditActor, recordedOn: CalendarDate,
        authorize: (_ before: WorkPlace, _ after: WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> StoredWork {
        try dbWriter.write { db in
            let id = row.work.id
            let before = try Self.requireWork(id: id, in: db)
            try authorize(
                try Self.place(ofCommune: before.communeCode, in: db),
                try Self.place(ofCommune: row.communeCode, in: db))
            let previous = before.work.status
            if previous != row.work.status { try previous.checkTransition(to: row.work.status) }
            let now = Self.timestamp()
            let sourceId = try Self.insertSource(Self.apiSource(actor), rowCount: 1, in: db)
            let writer = try WorkWriter(db: db)
            try writer.upsert(row, sourceId: sourceId, isNew: false, registeredOn: nil, recordedAt: now)
            if previous != row.work.status {
                try writer.recordStatus(
                    workId: id, from: previous, to: row.work.status, on: Self.statusDate(of: row.work) ?? recordedOn,
                    recordedAt: now)
            }
            let after = try Self.requireWork(id: id, in: db)
            try Self.insertAudit(
                actor: actor, action: "work.update", workId: id, before: try render(before), after: try render(after),
                at: now, in: db)
            return after
        }
    }

    /// Moves a work one legal step along its life (as `setStatus`), recording the date and the entry.
    public func changeStatus(
        workId: String, to status: WorkStatus, on date: CalendarDate, by actor: AuditActor,
        authorize: (WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> StoredWork {
        try dbWriter.write { db in
            let before = try Self.requireWork(id: workId, in: db)
            try authorize(try Self.place(ofCommune: before.communeCode, in: db))
            let current = before.work.status
            try current.checkTransition(to: status)
            let column: String? =
                switch status {
                case .approved: "approvedOn"
                case .underConstruction: "startedOn"
                case .completed: "completedOn"
                default: nil
                }
            try db.execute(sql: "UPDATE work SET status = ? WHERE id = ?", arguments: [status.rawValue, workId])
            if let column {
                try db.execute(
                    sql: "UPDATE work SET \(column) = ? WHERE id = ?", arguments: [date.description, workId])
            }
            let now = Self.timestamp()
            try WorkWriter(db: db).recordStatus(workId: workId, from: current, to: status, on: date, recordedAt: now)
            let after = try Self.requireWork(id: workId, in: db)
            try Self.insertAudit(
                actor: actor, action: "work.status", workId: workId, before: try render(before),
                after: try render(after), at: now, in: db)
            return after
        }
    }

    // MARK: Reads

    /// Where a stored work lies (its derived commune, that commune's district and province).
    public func place(ofWork work: StoredWork) throws -> WorkPlace {
        try dbWriter.read { try Self.place(ofCommune: work.communeCode, in: $0) }
    }

    /// Audit entries, newest first, optionally of one work.
    public func auditEntries(workId: String? = nil, limit: Int = 100, offset: Int = 0) throws -> [AuditEntry] {
        try auditEntries(workId: workId, limit: limit, offset: offset, visible: nil)
    }

    /// Audit entries of works that lay, before or after the change, where `visible` says yes
    /// (an editor's unit): entries without a work, or of works elsewhere, are left out.
    public func auditEntries(
        workId: String? = nil, limit: Int = 100, offset: Int = 0, visible: (@Sendable (WorkPlace) -> Bool)?
    ) throws -> [AuditEntry] {
        try dbWriter.read { db in
            var sql =
                "SELECT *, \(Self.communeOf("beforeJSON")) AS beforeCommune, \(Self.communeOf("afterJSON")) AS afterCommune FROM auditEntry"
            var arguments: StatementArguments = []
            if let workId {
                sql += " WHERE workId = ?"
                arguments += [workId]
            } else if visible != nil {
                sql += " WHERE workId IS NOT NULL"
            }
            sql += " ORDER BY id DESC"
            if visible == nil {
                sql += " LIMIT ? OFFSET ?"
                arguments += [limit, offset]
            }
            var places: [String: WorkPlace] = [:]
            func isVisible(_ row: Row) throws -> Bool {
                guard let visible else { return true }
                for code in [row["beforeCommune"] as String?, row["afterCommune"] as String?].compactMap({ $0 }) {
                    if places[code] == nil { places[code] = try Self.place(ofCommune: code, in: db) }
                    if visible(places[code]!) { return true }
                }
                return false
            }
            var entries: [AuditEntry] = []
            var skipped = 0
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while entries.count < limit, let r = try rows.next() {
                guard try isVisible(r) else { continue }
                if visible != nil && skipped < offset {
                    skipped += 1
                    continue
                }
                entries.append(
                    AuditEntry(
                        id: r["id"], recordedAt: r["recordedAt"], actor: r["actor"], role: r["role"],
                        action: r["action"],
                        workId: r["workId"], subject: r["subject"], before: r["beforeJSON"], after: r["afterJSON"],
                        via: r["via"], entryHash: r["entryHash"]))
            }
            return entries
        }
    }

    /// The commune a recorded document put the work in: API entries are GeoJSON features, the
    /// command line's are flat records.
    private static func communeOf(_ column: String) -> String {
        "CASE WHEN json_valid(\(column)) THEN coalesce(json_extract(\(column), '$.properties.commune_code'), json_extract(\(column), '$.commune_code')) END"
    }

    // MARK: Helpers

    static func insertAudit(
        actor: AuditActor, action: String, workId: String?, subject: String? = nil, before: String?, after: String?,
        at: String, in db: Database
    ) throws {
        try appendAudit(
            AuditChain.Content(
                id: 0, previousHash: "", recordedAt: at, actor: actor.name, role: actor.role, action: action,
                workId: workId, subject: subject, before: before, after: after, via: actor.via),
            in: db)
    }

    static func apiSource(_ actor: AuditActor) -> DataSource {
        DataSource(kind: "works", file: "(api: \(actor.name))")
    }

    static func requireWork(id: String, in db: Database) throws -> StoredWork {
        guard let work = try storedWork(id: id, in: db) else { throw StoreError.notFound(kind: "work", id: id) }
        return work
    }

    /// The commune, district and province of a commune code (nil parts when unknown).
    static func place(ofCommune code: String?, in db: Database) throws -> WorkPlace {
        guard let code else { return WorkPlace() }
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT c.code, d.code AS district, p.code AS province
                FROM \(latestUnits) c LEFT JOIN \(latestUnits) d ON d.code = c.parentCode AND d.kind = 'district'
                    LEFT JOIN \(latestUnits) p ON p.code = ifnull(d.parentCode, c.parentCode) AND p.kind = 'province'
                WHERE c.code = ? AND c.kind = 'commune'
                """, arguments: [code])
        guard let row else { return WorkPlace(communeCode: code) }
        return WorkPlace(communeCode: code, districtCode: row["district"], provinceCode: row["province"])
    }
}

/// Places of communes, each looked up once per transaction (a batch names few communes).
struct PlaceLookup {
    private var known: [String: WorkPlace] = [:]

    mutating func place(ofCommune code: String?, in db: Database) throws -> WorkPlace {
        guard let code else { return WorkPlace() }
        if let place = known[code] { return place }
        let place = try AppDatabase.place(ofCommune: code, in: db)
        known[code] = place
        return place
    }
}
