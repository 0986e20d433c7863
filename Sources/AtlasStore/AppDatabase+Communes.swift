import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// Every commune with its statistics of `year`, flags of the period holding `year`, works
    /// counts, investment (also by programme and source) and built road length, sorted by code.
    public func communeSummaries(year: Int) throws -> [CommuneSummary] {
        try dbWriter.read { db in
            let day = try unitsDay(db)
            let table = Self.units(on: day)
            let flags = try Self.flags(inPeriodHolding: year, onDay: day, in: db)
            var stats: [String: YearStats] = [:]
            for figure in try Self.statistics(onDay: day, years: [year], in: db).figures { stats[figure.code] = figure }
            var byCategory: [String: [WorkCategory: Int]] = [:]
            var byStatus: [String: [WorkStatus: Int]] = [:]
            var money: [String: (Int64, Int64)] = [:]
            // On other units than the latest, each work's commune is found by location.
            let placed = try seesLatestCommunes(db) ? nil : Self.workCommunes(on: day, in: db)
            let communeColumn = placed == nil ? "communeCode" : "id"
            let works = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(communeColumn) AS place, category, status, count(*) AS n, sum(plannedVND) AS planned,
                           sum(disbursedVND) AS disbursed
                    FROM work WHERE \(communeColumn) IS NOT NULL GROUP BY 1, category, status
                    """)
            do {
                while let row = try works.next() {
                    let place: String = row["place"]
                    guard let code = placed == nil ? place : placed?[place] else { continue }
                    let n: Int = row["n"]
                    if let c = WorkCategory(rawValue: row["category"]) {
                        byCategory[code, default: [:]][c, default: 0] += n
                    }
                    if let s = WorkStatus(rawValue: row["status"]) { byStatus[code, default: [:]][s, default: 0] += n }
                    let (p, d) = money[code] ?? (0, 0)
                    guard let planned = Money.sum([p, row["planned"] as Int64? ?? 0]),
                        let disbursed = Money.sum([d, row["disbursed"] as Int64? ?? 0])
                    else { throw StoreError.moneyOverflow(scope: "commune \(code)") }
                    money[code] = (planned, disbursed)
                }
            } catch let error as DatabaseError where error.message == "integer overflow" {
                // SQLite's sum() refuses to wrap around; say so in our words.
                throw StoreError.moneyOverflow(scope: "one commune's works")
            }
            let roads = try Self.roadLengths(on: day, in: db)
            let investment = try Self.investmentSplits(placed: placed, in: db)
            let communes = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.code, c.name, c.type, d.code AS districtCode, d.name AS districtName, c.geometry
                    FROM \(table) c LEFT JOIN \(table) d ON d.code = c.parentCode AND d.kind = 'district'
                    WHERE c.kind = 'commune' ORDER BY c.code
                    """)
            var result: [CommuneSummary] = []
            while let row = try communes.next() {
                let code: String = row["code"]
                let district: String? = row["districtCode"]
                let blob: Data = row["geometry"]
                var communeFlags = flags[code] ?? []
                if let district, flags[district]?.contains(.poor30a) == true { communeFlags.insert(.poor30a) }
                let (planned, disbursed) = money[code] ?? (0, 0)
                result.append(
                    CommuneSummary(
                        code: code, name: row["name"], type: row["type"], districtCode: district,
                        districtName: row["districtName"],
                        geometry: try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry },
                        flags: communeFlags, stats: stats[code], worksByCategory: byCategory[code] ?? [:],
                        worksByStatus: byStatus[code] ?? [:], plannedVND: planned, disbursedVND: disbursed,
                        roads: roads[code] ?? RoadLengths(), investment: investment[code] ?? InvestmentSplit()))
            }
            return result
        }
    }

    /// Flags per code for the programme period that holds `year` (e.g. 2016-2020 for 2018), on
    /// the units of `day`. A classification names the units in force when its period began; on
    /// later units a unit carries the flags of every unit that went into it (a commune also takes
    /// its district's poor_30a first, since districts may be abolished on the way).
    static func flags(
        inPeriodHolding year: Int, onDay day: String, in db: Database
    ) throws -> [String: Set<ClassificationFlag>] {
        var flags: [String: Set<ClassificationFlag>] = [:]
        var periodStart: String?
        for row in try Row.fetchAll(db, sql: "SELECT period, code, flag FROM classification") {
            let period: String = row["period"]
            let bounds = period.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= year, year <= bounds[1],
                let flag = ClassificationFlag(rawValue: row["flag"])
            else { continue }
            flags[row["code"], default: []].insert(flag)
            periodStart = "\(bounds[0])-01-01"
        }
        guard let periodStart else { return flags }
        let steps = Dictionary(
            grouping: try successions(in: db).filter {
                $0.effectiveOn.description > periodStart && $0.effectiveOn.description <= day
            }, by: \.effectiveOn)
        guard !steps.isEmpty else { return flags }
        for (commune, district) in try districtOfCommune(on: periodStart, in: db)
        where flags[district]?.contains(.poor30a) == true {
            flags[commune, default: []].insert(.poor30a)
        }
        for (_, moves) in steps.sorted(by: { $0.key < $1.key }) {
            var next = flags
            for old in Set(moves.map(\.oldCode)) { next[old] = nil }
            for move in moves {
                if let carried = flags[move.oldCode] { next[move.newCode, default: []].formUnion(carried) }
            }
            flags = next
        }
        return flags
    }
}
