import AtlasModel
import Foundation
import GRDB

/// Prepared statements for writing works, shared by one transaction.
struct WorkWriter {
    let upsertWork: Statement
    let insertIndex: Statement
    let deleteVillages: Statement
    let insertVillage: Statement
    let deleteFunding: Statement
    let insertFunding: Statement
    let insertStatus: Statement

    init(db: Database) throws {
        upsertWork = try db.cachedStatement(sql: Self.upsertSQL)
        insertIndex = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO idx_work_geometry (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)")
        deleteVillages = try db.cachedStatement(sql: "DELETE FROM workVillage WHERE workId = ?")
        insertVillage = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO workVillage (workId, villageCode) VALUES (?, ?)")
        deleteFunding = try db.cachedStatement(sql: "DELETE FROM fundingLine WHERE workId = ?")
        insertFunding = try db.cachedStatement(
            sql: "INSERT INTO fundingLine (workId, source, plannedVND, disbursedVND, labourDays) VALUES (?, ?, ?, ?, ?)"
        )
        insertStatus = try db.cachedStatement(
            sql:
                "INSERT INTO workStatusChange (workId, fromStatus, toStatus, changedOn, recordedAt) VALUES (?, ?, ?, ?, ?)"
        )
    }

    /// `INSERT … ON CONFLICT(id) DO UPDATE`, written from `WorkRecord.Columns` so a new column
    /// needs no second list here; the record's container gives the arguments in the same order.
    static let upsertSQL: String = {
        let columns = WorkRecord.Columns.allCases.map(\.rawValue)
        let updated = WorkRecord.Columns.allCases.filter { !WorkRecord.Columns.keptOnUpdate.contains($0) }
        return """
            INSERT INTO work (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            ON CONFLICT(id) DO UPDATE SET \(updated.map { "\($0.rawValue) = excluded.\($0.rawValue)" }.joined(separator: ", "))
            RETURNING rowid
            """
    }()

    /// Inserts or updates a work; `registeredOn`/`recordedAt` stamp a new work's registration.
    func upsert(_ row: WorkRow, sourceId: Int64?, isNew: Bool, registeredOn: CalendarDate?, recordedAt: String) throws {
        let record = WorkRecord(row, sourceId: sourceId, registeredOn: registeredOn, registeredAt: recordedAt)
        // Bound straight from the column values: `databaseDictionary` built a dictionary per row.
        upsertWork.setUncheckedArguments(StatementArguments(record.columnValues))
        let rowid = try Int64.fetchOne(upsertWork)
        let w = row.work
        // SQLite's R*Tree rounds the box outward to 32-bit floats itself.
        let box = w.geometry.boundingBox
        try insertIndex.execute(arguments: [rowid, box.minX, box.maxX, box.minY, box.maxY])
        if !isNew { try deleteVillages.execute(arguments: [w.id]) }
        for code in w.villagesServed { try insertVillage.execute(arguments: [w.id, code]) }
        if !isNew { try deleteFunding.execute(arguments: [w.id]) }
        for line in w.funding where line.isStoredAsLine {
            try insertFunding.execute(arguments: [
                w.id, line.source?.rawValue, line.plannedVND, line.disbursedVND, line.labourDays,
            ])
        }
    }

    func recordStatus(workId: String, from: WorkStatus?, to: WorkStatus, on: CalendarDate?, recordedAt: String) throws {
        try insertStatus.execute(arguments: [workId, from?.rawValue, to.rawValue, on?.description, recordedAt])
    }
}

extension FundingLine {
    /// A line of unknown source and no labour is the work's totals only: no fundingLine row.
    var isStoredAsLine: Bool { source != nil || labourDays != nil }
}
