import AtlasCoverage
import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

/// Derived layers kept in memory: commune properties per statistics year (with coverage, which
/// is costly), district properties and collection extents. Each is keyed by the database's change
/// stamp, so any import, edit or status change (from this server or another process) recomputes it.
actor LayerCache {
    let database: any AtlasDataStore
    let rules: CoverageRules
    private var communes: [LayerKey: (stamp: String, task: Task<[String: JSONObject], any Error>)] = [:]
    private var districts: [CalendarDate?: (stamp: String, task: Task<[String: JSONObject], any Error>)] = [:]
    private var statistics: [CalendarDate?: (stamp: String, task: Task<[String: [YearStats]], any Error>)] = [:]

    /// A statistics year on the units of a date (nil: the latest).
    struct LayerKey: Hashable {
        var year: Int
        var units: CalendarDate?
    }
    private var summary: (stamp: String, task: Task<LayerSummary, any Error>)?

    init(database: any AtlasDataStore, rules: CoverageRules) {
        self.database = database
        self.rules = rules
    }

    /// Drops everything (a write just happened here).
    func invalidate() {
        communes = [:]
        districts = [:]
        statistics = [:]
        summary = nil
    }

    /// Commune properties exactly as `export communes --year Y --units D` writes them, by code.
    func communeProperties(year: Int, units: CalendarDate? = nil) async throws -> [String: JSONObject] {
        let stamp = try await database.changeStamp()
        let key = LayerKey(year: year, units: units)
        if let entry = communes[key], entry.stamp == stamp { return try await entry.task.value }
        let database = database.onUnits(units), rules = rules
        let task = Task { try await blocking { try Self.buildCommunes(database, rules: rules, year: year) } }
        if communes.count >= 4 { communes = communes.filter { $0.value.stamp == stamp } }
        communes[key] = (stamp, task)
        do {
            return try await task.value
        } catch {
            if communes[key]?.task == task { communes[key] = nil }  // failures are not kept
            throw error
        }
    }

    func districtProperties(units: CalendarDate? = nil) async throws -> [String: JSONObject] {
        let stamp = try await database.changeStamp()
        if let entry = districts[units], entry.stamp == stamp { return try await entry.task.value }
        let database = database.onUnits(units)
        let task = Task { try await blocking { try Self.buildDistricts(database) } }
        if districts.count >= 4 { districts = districts.filter { $0.value.stamp == stamp } }
        districts[units] = (stamp, task)
        do {
            return try await task.value
        } catch {
            if districts[units]?.task == task { districts[units] = nil }
            throw error
        }
    }

    /// Every year's figures of each unit on the units of `units` (rolled up from older units), by code.
    func statistics(units: CalendarDate? = nil) async throws -> [String: [YearStats]] {
        let stamp = try await database.changeStamp()
        if let entry = statistics[units], entry.stamp == stamp { return try await entry.task.value }
        let database = database.onUnits(units)
        let task = Task {
            try await blocking { Dictionary(grouping: try database.allStatistics(), by: \.code) }
        }
        if statistics.count >= 4 { statistics = statistics.filter { $0.value.stamp == stamp } }
        statistics[units] = (stamp, task)
        do {
            return try await task.value
        } catch {
            if statistics[units]?.task == task { statistics[units] = nil }
            throw error
        }
    }

    /// Extents, completion dates and the default statistics year.
    func layerSummary() async throws -> LayerSummary {
        let stamp = try await database.changeStamp()
        if let summary, summary.stamp == stamp { return try await summary.task.value }
        let database = database
        let task = Task { try await LayerSummary.load(database) }
        summary = (stamp, task)
        do {
            return try await task.value
        } catch {
            if self.summary?.task == task { self.summary = nil }
            throw error
        }
    }

    static func buildCommunes(_ db: any AtlasDataStore, rules: CoverageRules, year: Int) throws -> [String: JSONObject] {
        var export = CommuneMapExport(year: year)
        export.addCoverage(try CoverageEngine(rules: rules).run(on: db, asOf: nil, statsYear: year))
        export.addTargets(
            CommuneTargetFields.compute(
                stats: try db.allStatistics(), classifications: try db.allClassifications(),
                communes: try db.units(kind: .commune), year: year))
        var result: [String: JSONObject] = [:]
        for commune in try db.communeSummaries(year: year) {
            result[commune.code] = JSONObject(uniqueKeysWithValues: export.properties(of: commune))
        }
        return result
    }

    static func buildDistricts(_ db: any AtlasDataStore) throws -> [String: JSONObject] {
        let year = try LayerSummary.defaultYear(db)
        let poor = Set(
            try db.allClassifications().filter { c in
                let bounds = c.period.split(separator: "-").compactMap { Int($0) }
                return c.flag == .poor30a && bounds.count == 2 && bounds[0] <= year && year <= bounds[1]
            }.map(\.code))
        var result: [String: JSONObject] = [:]
        for d in try db.units(kind: .district) {
            result[d.code] = [
                "code": .string(d.code), "name": .string(d.name), "type": d.type.map(JSONValue.string) ?? .null,
                "province_code": d.parentCode.map(JSONValue.string) ?? .null, "poor_30a": .bool(poor.contains(d.code)),
            ]
        }
        return result
    }
}

/// What collection descriptions need: boxes, the completion-date range and the latest statistics year.
struct LayerSummary: Sendable {
    var extents: [CollectionID: BoundingBox] = [:]
    var completion: (first: String?, last: String?) = (nil, nil)
    var defaultYear: Int

    static func load(_ db: any AtlasDataStore) async throws -> LayerSummary {
        var summary = LayerSummary(defaultYear: try await blocking { try defaultYear(db) })
        summary.extents[.communes] = try await db.unitExtent(kind: .commune)
        summary.extents[.districts] = try await db.unitExtent(kind: .district)
        summary.extents[.works] = try await db.workExtent()
        summary.completion = try await db.completionDateRange()
        return summary
    }

    /// The latest year with statistics, else the current year (as `export communes`).
    static func defaultYear(_ db: any AtlasDataStore) throws -> Int {
        try db.statisticsYears().last ?? Calendar.current.component(.year, from: Date())
    }
}
