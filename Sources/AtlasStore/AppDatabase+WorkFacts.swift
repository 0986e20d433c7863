import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// Every work's ``WorkFacts``, sorted by id, read in four passes (works, history, funding,
    /// maintenance) rather than a query per work.
    public func workFacts() throws -> [WorkFacts] {
        try dbWriter.read { db in
            let day = try unitsDay(db)
            let latest = try seesLatestCommunes(db)
            let placed = latest ? nil : try Self.workCommunes(on: day, in: db)
            let districts = try Self.districtOfCommune(on: day, in: db)
            func date(_ text: String?) -> CalendarDate? { text.flatMap { try? CalendarDate(iso: $0) } }
            var history: [String: [StatusChange]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM workStatusChange ORDER BY id") {
                history[r["workId"], default: []].append(
                    StatusChange(
                        from: (r["fromStatus"] as String?).flatMap(WorkStatus.init(rawValue:)),
                        to: WorkStatus(rawValue: r["toStatus"]) ?? .proposed, on: date(r["changedOn"]),
                        recordedAt: r["recordedAt"]))
            }
            var funding: [String: [FundingLine]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM fundingLine ORDER BY id") {
                funding[r["workId"], default: []].append(
                    FundingLine(
                        source: (r["source"] as String?).flatMap(FundingSource.init(rawValue:)),
                        plannedVND: r["plannedVND"], disbursedVND: r["disbursedVND"], labourDays: r["labourDays"]))
            }
            var maintenance: [String: [MaintenanceFact]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT workId, happenedOn, costVND FROM maintenanceEvent ORDER BY id") {
                guard let on = date(r["happenedOn"]) else { continue }
                maintenance[r["workId"], default: []].append(MaintenanceFact(on: on, costVND: r["costVND"]))
            }
            var result: [WorkFacts] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, programme, category, status, communeCode, approvedOn, startedOn, completedOn,
                           plannedVND, disbursedVND, registeredStatus, registeredOn, registeredAt
                    FROM work ORDER BY id
                    """)
            while let r = try rows.next() {
                let id: String = r["id"]
                guard let programme = Programme(rawValue: r["programme"]),
                    let category = WorkCategory(rawValue: r["category"]),
                    let status = WorkStatus(rawValue: r["status"])
                else { continue }
                let commune: String? = placed == nil ? r["communeCode"] : placed?[id]
                let registration = StatusChange(
                    from: nil, to: WorkStatus(rawValue: r["registeredStatus"]) ?? status,
                    on: date(r["registeredOn"]), recordedAt: r["registeredAt"])
                // Without per-source lines the work row's totals stand (one line of unknown source).
                let lines = funding[id] ?? [
                    FundingLine(source: nil, plannedVND: r["plannedVND"], disbursedVND: r["disbursedVND"])
                ]
                result.append(
                    WorkFacts(
                        id: id, programme: programme, category: category, status: status, communeCode: commune,
                        districtCode: commune.flatMap { districts[$0] }, approvedOn: date(r["approvedOn"]),
                        startedOn: date(r["startedOn"]), completedOn: date(r["completedOn"]),
                        history: [registration] + (history[id] ?? []), funding: lines,
                        maintenance: maintenance[id] ?? []))
            }
            return result
        }
    }
}
