import AtlasModel
import Foundation
import GRDB

/// A work as stored: the registered values plus what was derived from its geometry.
public struct StoredWork: Sendable {
    public var work: Work
    public var communeCode: String?
    public var districtCode: String?
    public var lengthM: Double?
    public var history: [StatusChange] = []
    /// Count, cost and latest date of the work's maintenance, with every list of works.
    public var maintenance = MaintenanceSummary()
    /// The events themselves, oldest first: only when one work is read.
    public var maintenanceEvents: [RecordedMaintenance] = []

    /// True when the declared commune disagrees with the one the geometry lies in.
    public var communeDisagrees: Bool {
        guard let declared = work.declaredCommuneCode, !declared.isEmpty else { return false }
        return declared != communeCode
    }

    static let selectSQL = """
        SELECT w.*, d.code AS districtCode
        FROM work w LEFT JOIN \(AppDatabase.latestUnits) c ON c.code = w.communeCode
            LEFT JOIN \(AppDatabase.latestUnits) d ON d.code = c.parentCode AND d.kind = 'district'
        """

    /// A checked row as it will read back once written (no history or maintenance yet), in `place`.
    public init(row: WorkRow, place: WorkPlace) {
        work = row.work
        communeCode = row.communeCode
        districtCode = place.districtCode
        lengthM = row.lengthM
    }

    init(row: Row) throws {
        let record = try WorkRecord(row: row)
        work = record.work
        communeCode = record.communeCode
        lengthM = record.lengthM
        districtCode = row["districtCode"]
    }
}

/// A maintenance event as stored, with the id it was given.
public struct RecordedMaintenance: Hashable, Sendable {
    public var id: Int64
    public var workId: String
    public var event: MaintenanceEvent

    public init(id: Int64, workId: String, event: MaintenanceEvent) {
        self.id = id
        self.workId = workId
        self.event = event
    }
}
