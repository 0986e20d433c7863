import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// What the audit log keeps of a work before and after a change, for every writer (API and
/// command line): the works-layer Feature plus the per-source funding and labour days.
public enum WorkAuditDocument {
    public static func text(_ work: StoredWork) throws -> String {
        var properties = JSONObject(uniqueKeysWithValues: WorksLayerExport.properties(of: work))
        for (key, value) in WorksLayerExport.fundingFields(work.work).sorted(by: { $0.key < $1.key })
        where properties[key] == nil {
            properties[key] = value
        }
        return try FeatureText.feature(id: work.work.id, properties: properties, geometry: work.work.geometry)
    }
}

extension AtlasDataStore {
    /// `setStatus` with the audit documents every writer uses.
    public func setStatus(
        workId: String, to status: WorkStatus, on date: CalendarDate, by actor: AuditActor = .commandLine
    ) throws {
        try setStatus(workId: workId, to: status, on: date, by: actor, render: WorkAuditDocument.text)
    }

    /// `recordMaintenance` from the command line: no unit to stay within, the usual audit documents.
    public func recordMaintenance(
        _ event: MaintenanceEvent, workId: String, today: CalendarDate, by actor: AuditActor = .commandLine
    ) throws -> RecordedMaintenance {
        try recordMaintenance(
            event, workId: workId, by: actor, today: today, authorize: { _ in }, render: WorkAuditDocument.text
        ).event
    }
}
