import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Hummingbird

/// `GET /api/units/vintages` (the sets of units in force together, oldest first) and
/// `GET /api/units/{code}/history[?units=YYYY-MM-DD]`: what a unit of one vintage was formed from,
/// what it became, and its poverty rate every year on its own units. Public, like the map.
struct UnitsController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("units/vintages", use: vintages)
        routes.get("units/:code/history", use: history)
    }

    @Sendable func vintages(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [])
        let database = environment.database
        let (vintages, province) = try await blocking {
            (try database.vintages(), try database.units(kind: .province).first)
        }
        var list: [JSONValue] = []
        for (index, v) in vintages.enumerated() {
            // The years with figures on these units (recorded on them or rolled up from older ones)
            let day = index == vintages.count - 1 ? nil : v.validFrom ?? v.validTo
            let statistics = try await environment.layers.statistics(units: day)
            let years = Set(statistics.values.joined().map(\.year)).sorted()
            list.append([
                "valid_from": Self.date(v.validFrom), "valid_to": Self.date(v.validTo),
                "communes": .integer(Int64(v.communes)), "districts": .integer(Int64(v.districts)),
                "years": .array(years.map { .integer(Int64($0)) }),
            ])
        }
        return .json(
            [
                "province": province.map { ["code": .string($0.code), "name": .string($0.name)] } ?? .null,
                "vintages": .array(list),
            ], headers: [.cacheControl: "no-cache"])
    }

    @Sendable func history(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["units"])
        let raw = context.parameters.get("code") ?? ""
        guard let code = raw.removingPercentEncoding, QueryParameters.isCode(code) else {
            throw Problem.invalidParameter("code", raw, "expected a code of 1 to 12 digits", location: "path")
        }
        let units = try query.unitsDate()
        let database = environment.database
        let found = try await blocking { () throws -> Found? in
            let view = database.onUnits(units)
            guard let unit = try Self.namedUnits(view)[code] else { return nil }
            // The vintage seen: the one in force on the date asked, else the latest.
            let all = try database.vintages()
            let index = units.flatMap { all.index(inForceOn: $0) } ?? all.indices.last
            let successions = try database.successions()
            var formedFrom: [(Succession, String?)] = []
            var became: [(Succession, String?)] = []
            if let index, let start = all[index].validFrom {
                let before = try Self.namedUnits(database.onUnits(start.dayBefore))
                formedFrom = successions.filter { $0.newCode == code && $0.effectiveOn == start }
                    .map { ($0, before[$0.oldCode]?.name) }
            }
            if let index, all.indices.contains(index + 1), let next = all[index + 1].validFrom {
                let after = try Self.namedUnits(database.onUnits(next))
                became = successions.filter { $0.oldCode == code && $0.effectiveOn == next }
                    .map { ($0, after[$0.newCode]?.name) }
            }
            return Found(unit: unit, formedFrom: formedFrom, became: became)
        }
        guard let found else {
            throw Problem.notFound("no unit \(code) on the units in force \(units.map { "on \($0)" } ?? "today")")
        }
        let statistics = try await environment.layers.statistics(units: units)[code] ?? []
        func link(_ s: Succession, code: String, name: String?) -> JSONValue {
            [
                "code": .string(code), "name": name.map(JSONValue.string) ?? .null,
                "effective_on": .string(s.effectiveOn.description), "relation": .string(s.relation.rawValue),
                "share": s.share.map(JSONValue.double) ?? .null,
            ]
        }
        let poverty: [JSONValue] = statistics.sorted { $0.year < $1.year }.map { s in
            let basis = s.estimatedBy.map(\.rawValue).sorted().joined(separator: ",")
            return [
                "year": .integer(Int64(s.year)), "households": .integer(Int64(s.households)),
                "poor_households": .integer(Int64(s.poorHouseholds)),
                "poverty_rate": s.povertyRate.map { .double(CommuneMapExport.round($0, 4)) } ?? .null,
                "estimated": .bool(!s.estimatedBy.isEmpty), "basis": basis.isEmpty ? .null : .string(basis),
            ]
        }
        return .json(
            [
                "code": .string(found.unit.code), "name": .string(found.unit.name), "kind": .string(found.unit.kind),
                "units": Self.date(units),
                "formed_from": .array(found.formedFrom.map { link($0.0, code: $0.0.oldCode, name: $0.1) }),
                "became": .array(found.became.map { link($0.0, code: $0.0.newCode, name: $0.1) }),
                "poverty": .array(poverty),
            ], headers: [.cacheControl: "no-cache"])
    }

    struct Found: Sendable {
        var unit: UnitSummary
        var formedFrom: [(Succession, String?)]
        var became: [(Succession, String?)]
    }

    /// The province, districts and communes a view of the store sees, by code.
    static func namedUnits(_ view: any AtlasDataStore) throws -> [String: UnitSummary] {
        var result: [String: UnitSummary] = [:]
        for kind in [UnitKind.province, .district, .commune] {
            for unit in try view.units(kind: kind) where result[unit.code] == nil { result[unit.code] = unit }
        }
        return result
    }

    static func date(_ day: CalendarDate?) -> JSONValue { day.map { .string($0.description) } ?? .null }
}
