import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// The inputs of the coverage engine: communes, villages, the works whose status may serve,
    /// and works counts. Statistics of `statsYear` (default: the latest year) give the households
    /// of communes without villages.
    public func coverageInputs(servingStatuses: Set<WorkStatus>, statsYear: Int? = nil) throws -> CoverageInputs {
        try dbWriter.read { db in
            let year = try statsYear ?? Int.fetchOne(db, sql: "SELECT max(year) FROM yearStats")
            var households: [String: Int] = [:]
            if let year {
                let rows = try Row.fetchCursor(db, sql: "SELECT code, households FROM yearStats WHERE year = ?", arguments: [year])
                while let row = try rows.next() { households[row[0]] = row[1] }
            }
            var communes: [CoverageInputs.Commune] = []
            let unitRows = try Row.fetchCursor(
                db, sql: "SELECT code, parentCode, metricGeometry FROM adminUnit WHERE kind = 'commune' ORDER BY code")
            while let row = try unitRows.next() {
                let code: String = row[0]
                let blob: Data = row[2]
                communes.append(
                    CoverageInputs.Commune(
                        code: code, districtCode: row[1],
                        metricGeometry: try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry },
                        statsHouseholds: households[code]))
            }
            var villages: [CoverageInputs.Village] = []
            let villageRows = try Row.fetchCursor(
                db, sql: "SELECT code, communeCode, metricX, metricY, households FROM village ORDER BY code")
            while let row = try villageRows.next() {
                let x: Double? = row[2], y: Double? = row[3]
                villages.append(
                    CoverageInputs.Village(
                        code: row[0], communeCode: row[1],
                        metricLocation: x.flatMap { x in y.map { Position(x: x, y: $0) } }, households: row[4]))
            }
            let statuses = servingStatuses.map(\.rawValue)
            let placeholders = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
            var served: [String: [String]] = [:]
            let servedRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT v.workId, v.villageCode FROM workVillage v JOIN work w ON w.id = v.workId
                    WHERE w.status IN (\(placeholders))
                    """, arguments: StatementArguments(statuses))
            while let row = try servedRows.next() { served[row[0], default: []].append(row[1]) }
            var works: [CoverageInputs.Work] = []
            let workRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, category, status, surface, exactness, completedOn, metricGeometry FROM work
                    WHERE status IN (\(placeholders)) ORDER BY id
                    """, arguments: StatementArguments(statuses))
            while let row = try workRows.next() {
                let id: String = row[0]
                let surface: String? = row[3]
                let completed: String? = row[5]
                guard let geometry = try (row[6] as Data?).map({ blob in
                    try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }
                }) else { continue }
                works.append(
                    CoverageInputs.Work(
                        id: id, category: try WorkCategory.parse(row[1], field: "category"),
                        status: try WorkStatus.parse(row[2], field: "status"),
                        surface: surface.flatMap(RoadSurface.init(rawValue:)),
                        exactness: Exactness(rawValue: row[4]) ?? .exact,
                        completedOn: completed.flatMap { try? CalendarDate(iso: $0) }, metricGeometry: geometry,
                        villagesServed: served[id] ?? []))
            }
            var counts: [String: [WorkCategory: Int]] = [:]
            let countRows = try Row.fetchCursor(
                db, sql: "SELECT communeCode, category, count(*) FROM work WHERE communeCode IS NOT NULL GROUP BY 1, 2")
            while let row = try countRows.next() {
                if let category = WorkCategory(rawValue: row[1]) { counts[row[0], default: [:]][category] = row[2] }
            }
            return CoverageInputs(
                communes: communes, villages: villages, works: works, workCounts: counts, statsYear: year)
        }
    }
}
