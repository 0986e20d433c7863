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
    private let communes = StampedCache<LayerKey, [String: JSONObject]>(capacity: 8)
    private let districts = StampedCache<CalendarDate?, [String: JSONObject]>(capacity: 8)
    private let statistics = StampedCache<CalendarDate?, [String: [YearStats]]>(capacity: 8)
    private let summary = StampedCache<Int, LayerSummary>(capacity: 1)

    /// A statistics year on the units of a date (nil: the latest).
    struct LayerKey: Hashable {
        var year: Int
        var units: CalendarDate?
    }

    init(database: any AtlasDataStore, rules: CoverageRules) {
        self.database = database
        self.rules = rules
    }

    /// Drops everything (a write just happened here).
    func invalidate() async {
        await communes.removeAll()
        await districts.removeAll()
        await statistics.removeAll()
        await summary.removeAll()
    }

    /// Commune properties exactly as `export communes --year Y --units D` writes them, by code.
    func communeProperties(year: Int, units: CalendarDate? = nil) async throws -> [String: JSONObject] {
        let units = try await vintage(of: units)
        let database = database.onUnits(units), rules = rules
        return try await communes.value(for: LayerKey(year: year, units: units), stamp: try await database.changeStamp()) {
            try await blocking { try Self.buildCommunes(database, rules: rules, year: year) }
        }
    }

    func districtProperties(units: CalendarDate? = nil) async throws -> [String: JSONObject] {
        let units = try await vintage(of: units)
        let database = database.onUnits(units)
        return try await districts.value(for: units, stamp: try await database.changeStamp()) {
            try await blocking { try Self.buildDistricts(database) }
        }
    }

    /// Every year's figures of each unit on the units of `units` (rolled up from older units), by code.
    func statistics(units: CalendarDate? = nil) async throws -> [String: [YearStats]] {
        let units = try await vintage(of: units)
        let database = database.onUnits(units)
        return try await statistics.value(for: units, stamp: try await database.changeStamp()) {
            try await blocking { Dictionary(grouping: try database.allStatistics(), by: \.code) }
        }
    }

    /// One date for every day of the same vintage (nil for the latest), so any day a request
    /// names shares the layer of its vintage: the caches hold one entry per vintage and year.
    private func vintage(of date: CalendarDate?) async throws -> CalendarDate? {
        guard let date else { return nil }
        let database = database
        let vintages = try await blocking { try database.vintages() }
        guard let index = vintages.index(inForceOn: date), index < vintages.count - 1
        else { return nil }
        return vintages[index].validFrom ?? vintages[index].validTo
    }

    /// Extents, completion dates and the default statistics year.
    func layerSummary() async throws -> LayerSummary {
        let database = database
        return try await summary.value(for: 0, stamp: try await database.changeStamp()) {
            try await LayerSummary.load(database)
        }
    }

    static func buildCommunes(_ db: any AtlasDataStore, rules: CoverageRules, year: Int) throws -> [String: JSONObject] {
        let export = try CommuneMapExport.build(on: db, year: year, rules: rules)
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
