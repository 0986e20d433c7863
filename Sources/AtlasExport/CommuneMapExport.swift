import AtlasCoverage
import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The commune map of SPEC §4: one Feature per commune with codes, names, classifications, the
/// year's statistics, works counts and investment, plus any extra columns (coverage).
public struct CommuneMapExport {
    public var year: Int
    /// Further properties per commune code, appended in the given order (e.g. coverage_<category>).
    public var extraProperties: [String: [(String, JSONValue)]] = [:]
    /// Names of the extra properties, so communes without a value get null.
    public var extraPropertyNames: [String] = []

    public init(year: Int) {
        self.year = year
    }

    /// Adds `coverage_<category>` (4 decimals) and `coverage_centroid` from a coverage report.
    public mutating func addCoverage(_ report: CoverageReport) {
        let names = WorkCategory.allCases.map { "coverage_\($0.rawValue)" } + ["coverage_centroid"]
        extraPropertyNames += names
        for commune in report.communes {
            var values: [(String, JSONValue)] = WorkCategory.allCases.map { category in
                ("coverage_\(category.rawValue)", commune.ratio(category).map { .double(Self.round($0, 4)) } ?? .null)
            }
            values.append(("coverage_centroid", .bool(commune.usesCentroid)))
            extraProperties[commune.code, default: []] += values
        }
    }

    public func properties(of c: CommuneSummary) -> [(String, JSONValue)] {
        var p: [(String, JSONValue)] = [
            ("code", .string(c.code)),
            ("name", .string(c.name)),
            ("type", c.type.map(JSONValue.string) ?? .null),
            ("district_code", c.districtCode.map(JSONValue.string) ?? .null),
            ("district_name", c.districtName.map(JSONValue.string) ?? .null),
        ]
        for flag in ClassificationFlag.allCases {
            p.append((flag.rawValue, .bool(c.flags.contains(flag))))
        }
        p.append(("year", .integer(Int64(year))))
        p.append(("households", c.stats.map { .integer(Int64($0.households)) } ?? .null))
        p.append(("poor_households", c.stats.map { .integer(Int64($0.poorHouseholds)) } ?? .null))
        p.append(("near_poor_households", c.stats.map { .integer(Int64($0.nearPoorHouseholds)) } ?? .null))
        p.append(("poverty_rate", c.stats?.povertyRate.map { .double(Self.round($0, 4)) } ?? .null))
        // A figure carried from a divided predecessor is an estimate; the basis says how it was divided.
        let basis = c.stats.map { $0.estimatedBy.map(\.rawValue).sorted().joined(separator: ",") } ?? ""
        p.append(("statistics_estimated", c.stats.map { .bool(!$0.estimatedBy.isEmpty) } ?? .null))
        p.append(("statistics_basis", basis.isEmpty ? .null : .string(basis)))
        for category in WorkCategory.allCases {
            p.append(("works_\(category.rawValue)", .integer(Int64(c.worksByCategory[category] ?? 0))))
        }
        for status in WorkStatus.allCases {
            p.append(("works_\(status.rawValue)", .integer(Int64(c.worksByStatus[status] ?? 0))))
        }
        p.append(("planned_vnd", .integer(c.plannedVND)))
        p.append(("disbursed_vnd", .integer(c.disbursedVND)))
        p += Self.investmentProperties(c.investment)
        p += Self.roadProperties(c.roads)
        let extras = extraProperties[c.code].map { Dictionary($0, uniquingKeysWith: { a, _ in a }) } ?? [:]
        for name in extraPropertyNames { p.append((name, extras[name] ?? .null)) }
        return p
    }

    /// Adds the P1 fields: baseline poverty rate, change per year, target and status.
    public mutating func addTargets(_ fields: [String: CommuneTargetFields]) {
        extraPropertyNames += [
            "poverty_rate_baseline", "baseline_year", "poverty_change_points_per_year", "p1_target_points",
            "p1_status",
        ]
        for (code, f) in fields {
            extraProperties[code, default: []] += [
                ("poverty_rate_baseline", f.baselineRate.map { .double(Self.round($0, 4)) } ?? .null),
                ("baseline_year", .integer(Int64(f.baselineYear))),
                ("poverty_change_points_per_year", f.changePerYear.map { .double(Self.round($0, 2)) } ?? .null),
                ("p1_target_points", .double(f.target)),
                ("p1_status", .string(f.status.rawValue)),
            ]
        }
    }

    /// `planned_programme_<p>_vnd`, `disbursed_programme_<p>_vnd` for every programme, then
    /// `planned_source_<s>_vnd`, `disbursed_source_<s>_vnd` for every source and `unspecified`.
    static func investmentProperties(_ split: InvestmentSplit) -> [(String, JSONValue)] {
        var p: [(String, JSONValue)] = []
        for programme in Programme.allCases {
            let amount = split.byProgramme[programme] ?? PlannedAndDisbursed()
            p.append(("planned_programme_\(programme.rawValue)_vnd", .integer(amount.planned)))
            p.append(("disbursed_programme_\(programme.rawValue)_vnd", .integer(amount.disbursed)))
        }
        let sources: [(String, FundingSource?)] = FundingSource.allCases.map { ($0.rawValue, $0) } + [("unspecified", nil)]
        for (name, source) in sources {
            let amount = split.bySource[source] ?? PlannedAndDisbursed()
            p.append(("planned_source_\(name)_vnd", .integer(amount.planned)))
            p.append(("disbursed_source_\(name)_vnd", .integer(amount.disbursed)))
        }
        return p
    }

    /// Built road metres by surface (0.1 m, as a work's `length_m`) and the hardened share.
    static func roadProperties(_ roads: RoadLengths) -> [(String, JSONValue)] {
        var p: [(String, JSONValue)] = [("road_length_m", .double(round(roads.total, 1)))]
        for surface in RoadSurface.allCases {
            p.append(("road_length_\(surface.rawValue)_m", .double(round(roads.bySurface[surface] ?? 0, 1))))
        }
        p.append(("road_length_unknown_surface_m", .double(round(roads.unknownSurface, 1))))
        p.append(("road_hardened_share", roads.hardenedShare.map { .double(round($0, 4)) } ?? .null))
        return p
    }

    /// `value` to `decimals` places, as every rate and share of the commune map is written.
    public static func round(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
