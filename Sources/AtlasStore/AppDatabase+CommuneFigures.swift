import AtlasModel
import AtlasSpatial
import Foundation
import GRDB

extension AppDatabase {
    /// The statuses of a road that is on the ground: its length counts in the commune's road
    /// network (proposed, approved, under construction and cancelled roads do not).
    static let builtStatuses: [WorkStatus] = [.completed, .handedOver]

    /// Metres of built road inside each commune of `day`, by surface. Each road is measured
    /// against every commune its metric line crosses (``CommuneAssigner``'s per-commune lengths),
    /// so a road crossing a boundary is cut there.
    /// With `builtBy`, only roads completed on or before that day count (as coverage's `--as-of`).
    static func roadLengths(on day: String, builtBy: CalendarDate? = nil, in db: Database) throws -> [String: RoadLengths] {
        let communes = try communePlacer(on: day, in: db).metric
        var result: [String: RoadLengths] = [:]
        var scratch = SpatialScratch()
        let statuses = builtStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let completed = builtBy == nil ? "" : " AND completedOn <= ?"
        let rows = try Row.fetchCursor(
            db, sql: "SELECT surface, metricGeometry FROM work WHERE category = 'road' AND status IN (\(statuses))\(completed)",
            arguments: StatementArguments(builtBy.map { [$0.description] } ?? []))
        while let row = try rows.next() {
            let surface = (row[0] as String?).flatMap(RoadSurface.init(rawValue:))
            let line = try decodeGeometry(row, 1)
            guard line.isLineal else { continue }
            for measure in communes.assign(line, scratch: &scratch).measures {
                if let surface {
                    result[measure.code, default: RoadLengths()].bySurface[surface, default: 0] += measure.value
                } else {
                    result[measure.code, default: RoadLengths()].unknownSurface += measure.value
                }
            }
        }
        return result
    }

    /// Metres of built road inside each commune of the units seen, by surface; with `builtBy`,
    /// only the roads completed by then.
    public func roadLengths(builtBy: CalendarDate?) throws -> [String: RoadLengths] {
        try dbWriter.read { db in try Self.roadLengths(on: try unitsDay(db), builtBy: builtBy, in: db) }
    }

    /// Planned and disbursed đồng per commune, by programme (a work's lines summed) and by each
    /// funding line's source; a work without lines is one line of unknown source, as stored. `placed` maps work ids to communes when the units seen are not the
    /// latest; otherwise the stored commune is used.
    static func investmentSplits(placed: [String: String]?, in db: Database) throws -> [String: InvestmentSplit] {
        var result: [String: InvestmentSplit] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT w.id, w.communeCode, w.programme, f.source, coalesce(f.plannedVND, w.plannedVND),
                       coalesce(f.disbursedVND, w.disbursedVND)
                FROM work w LEFT JOIN fundingLine f ON f.workId = w.id
                """)
        while let row = try rows.next() {
            let stored: String? = row[1]
            guard let code = placed == nil ? stored : placed?[row[0] as String],
                let programme = Programme(rawValue: row[2])
            else { continue }
            let amount = PlannedAndDisbursed(planned: row[4], disbursed: row[5])
            let source = (row[3] as String?).flatMap(FundingSource.init(rawValue:))
            var split = result[code] ?? InvestmentSplit()
            guard let byProgramme = split.byProgramme[programme, default: PlannedAndDisbursed()].adding(amount),
                let bySource = split.bySource[source, default: PlannedAndDisbursed()].adding(amount)
            else { throw StoreError.moneyOverflow(scope: "commune \(code)") }
            split.byProgramme[programme] = byProgramme
            split.bySource[source] = bySource
            result[code] = split
        }
        return result
    }
}
