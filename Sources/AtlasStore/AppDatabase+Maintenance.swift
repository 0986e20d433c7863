import AtlasModel
import Foundation
import GRDB

/// Maintenance events: written one at a time with their audit entry, read per work (the events)
/// or for every work at once (their summaries, for the works layer).
extension AppDatabase {
    // MARK: Audited write

    /// Records upkeep of a work. `authorize` sees where the work lies and throws to refuse; the
    /// work must be completed or handed over and the date between its completion and `today`.
    /// The event and its audit entry (the work before and after, as `render` writes it) commit
    /// together.
    public func recordMaintenance(
        _ event: MaintenanceEvent, workId: String, by actor: AuditActor, today: CalendarDate,
        authorize: (WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> (event: RecordedMaintenance, work: StoredWork) {
        try dbWriter.write { db in
            let before = try Self.requireWork(id: workId, in: db)
            try authorize(try Self.place(ofCommune: before.communeCode, in: db))
            if let problem = event.problem(on: before.work, today: today) { throw problem }
            try db.execute(
                sql: "INSERT INTO maintenanceEvent (workId, happenedOn, costVND, source, note) VALUES (?, ?, ?, ?, ?)",
                arguments: [workId, event.happenedOn.description, event.costVND, event.source?.rawValue, event.note])
            let recorded = RecordedMaintenance(id: db.lastInsertedRowID, workId: workId, event: event)
            let after = try Self.requireWork(id: workId, in: db)
            try Self.insertAudit(
                actor: actor, action: "work.maintenance", workId: workId,
                subject: "maintenance on \(event.happenedOn), \(event.costVND) đồng", before: try render(before),
                after: try render(after), at: Self.timestamp(), in: db)
            return (recorded, after)
        }
    }

    // MARK: Reads

    /// Each maintained work's latest event on or before `day` (later ones had not happened yet).
    public func lastMaintenance(onOrBefore day: CalendarDate) throws -> [String: CalendarDate] {
        try dbWriter.read { db in
            var result: [String: CalendarDate] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT workId, max(happenedOn) FROM maintenanceEvent WHERE happenedOn <= ? GROUP BY workId",
                arguments: [day.description])
            while let row = try rows.next() { result[row[0]] = try CalendarDate(iso: row[1], field: "happenedOn") }
            return result
        }
    }

    /// One work's events and their summary.
    static func maintenance(ofWork id: String, in db: Database) throws -> ([RecordedMaintenance], MaintenanceSummary) {
        let events = try maintenanceEvents(ofWork: id, in: db)
        do {
            return (events, try MaintenanceSummary(events.map(\.event)))
        } catch {
            throw StoreError.maintenanceOverflow(workId: id)
        }
    }

    /// One work's events, oldest first (same-day events in the order they were recorded).
    static func maintenanceEvents(ofWork id: String, in db: Database) throws -> [RecordedMaintenance] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, happenedOn, costVND, source, note FROM maintenanceEvent
                    WHERE workId = ? ORDER BY happenedOn, id
                    """), arguments: [id]
        ).map { r in
            RecordedMaintenance(
                id: r["id"], workId: id,
                event: try MaintenanceEvent(
                    happenedOn: try CalendarDate(iso: r["happenedOn"], field: "happenedOn"), costVND: r["costVND"],
                    source: (r["source"] as String?).flatMap(FundingSource.init(rawValue:)), note: r["note"]))
        }
    }

    /// Every maintained work's summary in one grouped scan (the works layer has hundreds of
    /// thousands of works and few events); `idList`, a JSON array of ids, narrows it to a page.
    static func maintenanceSummaries(in db: Database, idList: String? = nil) throws -> [String: MaintenanceSummary] {
        let narrowed = idList == nil ? "" : " WHERE workId IN (SELECT value FROM json_each(?))"
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT workId, count(*) AS n, sum(costVND) AS total, max(happenedOn) AS lastOn
                    FROM maintenanceEvent\(narrowed) GROUP BY workId
                    """), arguments: idList.map { [$0] } ?? [])
        var result: [String: MaintenanceSummary] = [:]
        do {
            while let row = try rows.next() {
                result[row["workId"]] = MaintenanceSummary(
                    count: row["n"], totalVND: row["total"],
                    lastOn: try CalendarDate(iso: row["lastOn"], field: "happenedOn"))
            }
        } catch let error as DatabaseError where error.message == "integer overflow" {
            // SQLite's sum() refuses to wrap around; say so in our words.
            throw StoreError.maintenanceOverflow(workId: nil)
        }
        return result
    }
}
