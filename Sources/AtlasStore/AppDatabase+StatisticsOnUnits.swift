import AtlasModel
import AtlasSpatial
import Foundation
import GRDB

extension AppDatabase {
    /// Every year's statistics on the units this store sees, by year then code: the figures
    /// recorded on them, and those recorded on earlier units carried across the successions in
    /// between (``StatisticsRollUp``; a figure recorded on the units seen wins for its year).
    /// Figures of units whose successor is unknown are left out; `unresolvedStatistics` names them.
    public func allStatistics() throws -> [YearStats] {
        try dbWriter.read { db in try Self.statistics(onDay: try unitsDay(db), years: nil, in: db).figures }
    }

    /// The old units whose figures could not be carried onto the units seen (their successor is
    /// unknown), with the years lost.
    public func unresolvedStatistics() throws -> [(code: String, years: [Int])] {
        try dbWriter.read { db in
            let lost = try Self.statistics(onDay: try unitsDay(db), years: nil, in: db).lost
            return lost.keys.sorted().map { ($0, (lost[$0] ?? []).sorted()) }
        }
    }

    static func statistics(
        onDay day: String, years: Set<Int>?, in db: Database
    ) throws -> (figures: [YearStats], lost: [String: Set<Int>]) {
        let starts = try String.fetchAll(
            db, sql: "SELECT DISTINCT ifnull(validFrom, '0001-01-01') AS d FROM adminUnit ORDER BY d")
        func start(of day: String) -> String { starts.last { $0 <= day } ?? "0001-01-01" }
        let viewStart = start(of: day)
        // Recorded figures per year, per vintage (the start of the units their code names).
        var recorded: [Int: [String: [String: StatisticsRollUp.Counts]]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT year, code, households, poorHouseholds, nearPoorHouseholds, ifnull(unitsOn, '0001-01-01')
                FROM yearStats ORDER BY year, code
                """)
        while let row = try rows.next() {
            let year: Int = row[0]
            if let years, !years.contains(year) { continue }
            let vintage = start(of: row[5])
            guard vintage <= viewStart else { continue }  // newer units do not roll back
            recorded[year, default: [:]][vintage, default: [:]][row[1]] = .init(
                households: row[2], poor: row[3], nearPoor: row[4])
        }
        let successionsByDay = Dictionary(grouping: try successions(in: db), by: \.effectiveOn.description)
        let seen = Set(try String.fetchAll(db, sql: "SELECT code FROM \(units(on: day))"))
        var targetsByDay: [String: [String: [StatisticsRollUp.Target]]] = [:]
        var figures: [YearStats] = []
        var lost: [String: Set<Int>] = [:]
        for year in recorded.keys.sorted() {
            guard let groups = recorded[year], let first = groups.keys.min() else { continue }
            var current = first
            var carried = (groups[first] ?? [:]).mapValues { StatisticsRollUp.Figure(counts: $0) }
            let steps = successionsByDay.keys.filter { $0 > first && $0 <= viewStart }.sorted()
            for step in steps + [viewStart] where step > current {
                let targets: [String: [StatisticsRollUp.Target]]
                if let cached = targetsByDay[step] {
                    targets = cached
                } else {
                    targets = try Self.rollUpTargets(successionsByDay[step] ?? [], on: step, in: db)
                    targetsByDay[step] = targets
                }
                var overriding: [String: StatisticsRollUp.Counts] = [:]
                for (vintage, counts) in groups where vintage > current && vintage <= step {
                    overriding.merge(counts) { _, new in new }
                }
                do {
                    carried = try StatisticsRollUp.step(counts: carried, targets: targets, recorded: overriding)
                } catch {
                    throw StoreError.refused("statistics of \(year) cannot be carried across \(step): \(error)")
                }
                current = step
            }
            for (code, figure) in carried.sorted(by: { $0.key < $1.key }) {
                guard seen.contains(code) else {
                    lost[code, default: []].insert(year)
                    continue
                }
                var stats = YearStats(
                    year: year, code: code, households: figure.counts.households, poorHouseholds: figure.counts.poor,
                    nearPoorHouseholds: figure.counts.nearPoor)
                stats.estimatedBy = figure.estimatedBy
                figures.append(stats)
            }
        }
        return (figures, lost)
    }

    /// Where each old unit of a reorganisation on `day` went, with what divides a `part`: the
    /// share from the file, the households of its villages lying in each new unit, and the area of
    /// it lying in each new unit (metres, EPSG:3405).
    static func rollUpTargets(
        _ successions: [Succession], on day: String, in db: Database
    ) throws -> [String: [StatisticsRollUp.Target]] {
        var result: [String: [StatisticsRollUp.Target]] = [:]
        let byOld = Dictionary(grouping: successions, by: \.oldCode)
        let dayBefore = try CalendarDate(iso: day).dayBefore.description
        var located: [(Double, Double, Int)]?  // village points, read once for every divided unit
        for (old, lines) in byOld {
            let divided = lines.count > 1 || lines.contains { $0.relation == .part }
            guard divided, lines.contains(where: { $0.share == nil }) else {
                result[old] = lines.map { StatisticsRollUp.Target(code: $0.newCode, share: $0.share) }
                continue
            }
            guard let oldShape = try metricPolygon(code: old, on: dayBefore, in: db) else {
                result[old] = lines.map { StatisticsRollUp.Target(code: $0.newCode, share: $0.share) }
                continue
            }
            if located == nil {
                located = try Row.fetchAll(
                    db, sql: "SELECT metricX, metricY, households FROM village WHERE metricX IS NOT NULL AND households > 0"
                ).map { ($0[0], $0[1], $0[2]) }
            }
            let villages = (located ?? []).filter { oldShape.locate(x: $0.0, y: $0.1) != .outside }
            var targets: [StatisticsRollUp.Target] = []
            for line in lines {
                var target = StatisticsRollUp.Target(code: line.newCode, share: line.share)
                if let newShape = try metricPolygon(code: line.newCode, on: day, in: db) {
                    target.area = oldShape.intersectionArea(with: newShape)
                    if !villages.isEmpty {
                        target.villageHouseholds = villages.reduce(0) {
                            $0 + (newShape.locate(x: $1.0, y: $1.1) != .outside ? $1.2 : 0)
                        }
                    }
                }
                targets.append(target)
            }
            result[old] = targets
        }
        return result
    }

    private static func metricPolygon(code: String, on day: String, in db: Database) throws -> PlanarPolygon? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT metricGeometry FROM \(units(on: day)) WHERE code = ? LIMIT 1", arguments: [code])
        else { return nil }
        return PlanarPolygon(try decodeGeometry(row, 0))
    }
}
