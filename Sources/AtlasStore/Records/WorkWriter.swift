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
        upsertWork = try db.cachedStatement(
            sql: """
                INSERT INTO work (id, name, programme, category, status, surface, roadClass, declaredCommuneCode,
                    communeCode, exactness, accuracyM, approvedOn, startedOn, completedOn, investor, lengthM,
                    plannedVND, disbursedVND, metricGeometry, geometry, sourceId, registeredStatus, registeredOn,
                    registeredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, programme = excluded.programme,
                    category = excluded.category, status = excluded.status, surface = excluded.surface,
                    roadClass = excluded.roadClass, declaredCommuneCode = excluded.declaredCommuneCode,
                    communeCode = excluded.communeCode, exactness = excluded.exactness,
                    accuracyM = excluded.accuracyM, approvedOn = excluded.approvedOn,
                    startedOn = excluded.startedOn, completedOn = excluded.completedOn,
                    investor = excluded.investor, lengthM = excluded.lengthM, plannedVND = excluded.plannedVND,
                    disbursedVND = excluded.disbursedVND, metricGeometry = excluded.metricGeometry,
                    geometry = excluded.geometry, sourceId = excluded.sourceId
                RETURNING rowid
                """)
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

    /// Inserts or updates a work; `registeredOn`/`recordedAt` stamp a new work's registration.
    func upsert(_ row: WorkRow, sourceId: Int64?, isNew: Bool, registeredOn: CalendarDate?, recordedAt: String) throws {
        let w = row.work
        let rowid = try Int64.fetchOne(
            upsertWork,
            arguments: [
                w.id, w.name.precomposedStringWithCanonicalMapping, w.programme.rawValue, w.category.rawValue,
                w.status.rawValue, w.surface?.rawValue, w.roadClass?.rawValue, w.declaredCommuneCode,
                row.communeCode, w.exactness.rawValue, w.accuracyM, w.approvedOn?.description,
                w.startedOn?.description, w.completedOn?.description, w.investor?.rawValue, row.lengthM,
                w.plannedVND, w.disbursedVND,
                Data(SpatiaLiteBlob.encode(row.metricGeometry, srid: SpatialReference.metric)),
                Data(SpatiaLiteBlob.encode(w.geometry, srid: SpatialReference.wgs84)),
                sourceId, w.status.rawValue, registeredOn?.description, recordedAt,
            ])
        // SQLite's R*Tree rounds the box outward to 32-bit floats itself.
        let box = w.geometry.boundingBox
        try insertIndex.execute(arguments: [rowid, box.minX, box.maxX, box.minY, box.maxY])
        if !isNew { try deleteVillages.execute(arguments: [w.id]) }
        for code in w.villagesServed { try insertVillage.execute(arguments: [w.id, code]) }
        if !isNew { try deleteFunding.execute(arguments: [w.id]) }
        for line in w.funding where line.source != nil || line.labourDays != nil {
            try insertFunding.execute(arguments: [
                w.id, line.source?.rawValue, line.plannedVND, line.disbursedVND, line.labourDays,
            ])
        }
    }

    func recordStatus(workId: String, from: WorkStatus?, to: WorkStatus, on: CalendarDate?, recordedAt: String) throws {
        try insertStatus.execute(arguments: [workId, from?.rawValue, to.rawValue, on?.description, recordedAt])
    }
}
