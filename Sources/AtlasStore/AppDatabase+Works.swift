import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Writes

    /// Inserts new works and updates existing ones (same id) in one transaction, recording every
    /// status change. Callers check that status changes of existing works are legal beforehand;
    /// the store checks again and refuses the whole batch otherwise. With `checks`, each work is
    /// authorized where it lies before and after, and audited on its own (see `WorkBatchChecks`).
    /// `lap` is called at the end of each step (for `--timings`).
    public func saveWorks(
        _ rows: [WorkRow], source: DataSource, recordedOn: CalendarDate, by actor: AuditActor = .commandLine,
        checks: WorkBatchChecks? = nil, lap: (String) -> Void = { _ in }
    ) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: rows.count, in: db)
            let existing = try Self.statuses(of: rows.map(\.work.id), in: db)
            let now = Self.timestamp()
            // A checked batch (the web upload) authorizes and audits work by work: row by row.
            if checks == nil, try BulkWorkLoader.applies(to: rows, existing: existing, in: db) {
                try BulkWorkLoader(sourceId: sourceId, recordedOn: recordedOn, recordedAt: now)
                    .load(rows, in: db, lap: lap)
            } else {
                let writer = try WorkWriter(db: db)
                var places = PlaceLookup()
                for row in rows {
                    let previous = existing[row.work.id]
                    if let previous, previous != row.work.status {
                        try previous.checkTransition(to: row.work.status)
                    }
                    let before = try checks != nil && previous != nil ? Self.requireWork(id: row.work.id, in: db) : nil
                    if let checks {
                        try checks.authorize(
                            try before.map { try places.place(ofCommune: $0.communeCode, in: db) },
                            try places.place(ofCommune: row.communeCode, in: db))
                    }
                    let on = Self.statusDate(of: row.work) ?? recordedOn
                    try writer.upsert(
                        row, sourceId: sourceId, isNew: previous == nil, registeredOn: on, recordedAt: now)
                    if let previous, previous != row.work.status {
                        try writer.recordStatus(
                            workId: row.work.id, from: previous, to: row.work.status, on: on, recordedAt: now)
                    }
                    if let checks {
                        let after = try Self.requireWork(id: row.work.id, in: db)
                        try Self.insertAudit(
                            actor: actor, action: before == nil ? "work.create" : "work.update", workId: row.work.id,
                            subject: source.file, before: try before.map(checks.render),
                            after: try checks.render(after), at: now, in: db)
                    }
                }
                lap("write rows")
            }
            // One entry per batch: the file and how many works it registered or updated.
            let updated = rows.filter { existing[$0.work.id] != nil }.count
            try Self.insertAudit(
                actor: actor, action: "works.import", workId: rows.count == 1 ? rows[0].work.id : nil,
                subject: "\(source.file): \(rows.count - updated) new, \(updated) updated", before: nil, after: nil,
                at: now, in: db)
            lap("audit")
        }
        lap("commit")
    }

    /// Moves a work one legal step along its life, recording the date and an audit entry whose
    /// before/after documents `render` writes.
    public func setStatus(
        workId: String, to status: WorkStatus, on date: CalendarDate, by actor: AuditActor = .commandLine,
        render: (StoredWork) throws -> String
    ) throws {
        _ = try changeStatus(workId: workId, to: status, on: date, by: actor, authorize: { _ in }, render: render)
    }

    /// The date a work's current status started, when the record says it.
    static func statusDate(of work: Work) -> CalendarDate? {
        switch work.status {
        case .approved: work.approvedOn
        case .underConstruction: work.startedOn ?? work.approvedOn
        case .completed, .handedOver: work.completedOn
        default: nil
        }
    }

    static func statuses(of ids: [String], in db: Database) throws -> [String: WorkStatus] {
        var result: [String: WorkStatus] = [:]
        if ids.count > 1000 {
            // One scan beats a lookup per id for large batches.
            let wanted = Set(ids)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, status FROM work")
            while let row = try rows.next() {
                let id: String = row[0]
                if wanted.contains(id), let status = WorkStatus(rawValue: row[1]) { result[id] = status }
            }
            return result
        }
        let statement = try db.cachedStatement(sql: "SELECT status FROM work WHERE id = ?")
        for id in ids {
            if let raw = try String.fetchOne(statement, arguments: [id]), let status = WorkStatus(rawValue: raw) {
                result[id] = status
            }
        }
        return result
    }

    // MARK: Reads

    /// Current statuses of the works among `ids` that exist.
    public func existingStatuses(of ids: [String]) throws -> [String: WorkStatus] {
        try dbWriter.read { try Self.statuses(of: ids, in: $0) }
    }

    /// The stored works among `ids` (with funding, villages and maintenance), by id, and the place
    /// of each of `communeCodes`, read together: what a batch write would start from.
    public func batchBaseline(
        ids: [String], communeCodes: Set<String>
    ) throws -> (works: [String: StoredWork], places: [String: WorkPlace]) {
        try dbWriter.read { db in
            var works: [String: StoredWork] = [:]
            for id in ids { works[id] = try Self.storedWork(id: id, in: db) }
            var lookup = PlaceLookup()
            var places: [String: WorkPlace] = [:]
            for code in communeCodes.union(works.values.compactMap(\.communeCode)) {
                places[code] = try lookup.place(ofCommune: code, in: db)
            }
            return (works, places)
        }
    }

    public func workCount() throws -> Int {
        try dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM work") ?? 0 }
    }

    /// One work with what was derived and its history, or nil.
    public func work(id: String) throws -> StoredWork? {
        try dbWriter.read { try Self.storedWork(id: id, in: $0, withHistory: true) }
    }

    /// One work with villages served, funding lines and maintenance, and its status history when asked.
    static func storedWork(id: String, in db: Database, withHistory: Bool = false) throws -> StoredWork? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "\(StoredWork.selectSQL) WHERE w.id = ?"), arguments: [id])
        else { return nil }
        var work = try StoredWork(row: row)
        work.work.villagesServed = try String.fetchAll(
            db.cachedStatement(sql: "SELECT villageCode FROM workVillage WHERE workId = ? ORDER BY villageCode"),
            arguments: [id])
        let lines = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM fundingLine WHERE workId = ? ORDER BY id"), arguments: [id]
        ).map { r in
            FundingLine(
                source: (r["source"] as String?).flatMap(FundingSource.init(rawValue:)),
                plannedVND: r["plannedVND"], disbursedVND: r["disbursedVND"], labourDays: r["labourDays"])
        }
        // Without per-source lines the work row's totals stand (one line of unknown source).
        if !lines.isEmpty { work.work.funding = lines }
        (work.maintenanceEvents, work.maintenance) = try maintenance(ofWork: id, in: db)
        guard withHistory else { return work }
        let registration = StatusChange(
            from: nil, to: WorkStatus(rawValue: row["registeredStatus"]) ?? work.work.status,
            on: (row["registeredOn"] as String?).flatMap { try? CalendarDate(iso: $0) },
            recordedAt: row["registeredAt"])
        work.history =
            try [registration]
            + Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM workStatusChange WHERE workId = ? ORDER BY id"), arguments: [id]
            ).map { r in
                StatusChange(
                    from: (r["fromStatus"] as String?).flatMap(WorkStatus.init(rawValue:)),
                    to: WorkStatus(rawValue: r["toStatus"]) ?? .proposed,
                    on: (r["changedOn"] as String?).flatMap { try? CalendarDate(iso: $0) },
                    recordedAt: r["recordedAt"])
            }
        return work
    }

    /// Works matching the filter, sorted by id, with villages served and maintenance summaries (no
    /// funding detail, history or maintenance events).
    public func works(matching filter: WorkFilter = WorkFilter()) throws -> [StoredWork] {
        try dbWriter.read { db in
            var clauses: [String] = []
            var arguments = StatementArguments()
            func add(_ clause: String, _ value: String?) {
                guard let value else { return }
                clauses.append(clause)
                arguments += [value]
            }
            add("w.programme = ?", filter.programme?.rawValue)
            add("w.category = ?", filter.category?.rawValue)
            add("w.status = ?", filter.status?.rawValue)
            // On other units than the latest, each work's commune is found by location.
            let day = try unitsDay(db)
            let latest = try seesLatestCommunes(db)
            let placed = latest ? nil : try Self.workCommunes(on: day, in: db)
            let districts = latest ? nil : try Self.districtOfCommune(on: day, in: db)
            if latest {
                add("w.communeCode = ?", filter.communeCode)
                add("d.code = ?", filter.districtCode)
            }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let served = try Self.villagesServedByWork(in: db)
            let maintained = try Self.maintenanceSummaries(in: db)
            let cursor = try Row.fetchCursor(
                db, sql: "\(StoredWork.selectSQL)\(whereSQL) ORDER BY w.id", arguments: arguments)
            var result: [StoredWork] = []
            while let row = try cursor.next() {
                var work = try StoredWork(row: row)
                if let placed, let districts {
                    work.communeCode = placed[work.work.id]
                    work.districtCode = work.communeCode.flatMap { districts[$0] }
                    if let wanted = filter.communeCode, work.communeCode != wanted { continue }
                    if let wanted = filter.districtCode, work.districtCode != wanted { continue }
                }
                work.work.villagesServed = served[work.work.id] ?? []
                work.maintenance = maintained[work.work.id] ?? MaintenanceSummary()
                result.append(work)
            }
            return result
        }
    }

    static func villagesServedByWork(in db: Database) throws -> [String: [String]] {
        var served: [String: [String]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT workId, villageCode FROM workVillage ORDER BY workId, villageCode")
        while let row = try rows.next() { served[row[0], default: []].append(row[1]) }
        return served
    }
}

/// Filters of `works list` and the APIs; nil means any.
public struct WorkFilter: Sendable {
    public var programme: Programme?
    public var category: WorkCategory?
    public var status: WorkStatus?
    public var districtCode: String?
    public var communeCode: String?

    public init(
        programme: Programme? = nil, category: WorkCategory? = nil, status: WorkStatus? = nil,
        districtCode: String? = nil, communeCode: String? = nil
    ) {
        self.programme = programme
        self.category = category
        self.status = status
        self.districtCode = districtCode
        self.communeCode = communeCode
    }
}
