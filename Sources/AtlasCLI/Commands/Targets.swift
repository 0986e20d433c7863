import ArgumentParser
import AtlasCoverage
import AtlasModel
import AtlasStore
import Foundation

struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the plan 35/KH-UBND indicators for the province and each district against their targets.",
        discussion: """
            Status is met, on_track (the straight line from the baseline year reaches the band by 2020), \
            behind, or no_data (the basis column says which data is missing). The baseline year is the first \
            year with statistics.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "Year to assess (default: the latest year with statistics).") var year: Int?
    @Option(help: "Only the province (\"province\"), a district code, or \"difficult_135\".") var scope: String?
    @Option(help: "Coverage rules (JSON) for the coverage-based indicators.") var rules: String?
    @Option(help: "table, csv or json.") var format: Format = .table

    func run() throws {
        let loaded = try rules.map(CoverageOptions.load) ?? .standard
        var results = try PlanTargets(rules: loaded).run(on: units.apply(to: try database.open()), year: year)
        if let scope { results.removeAll { $0.scope != scope } }
        let header = ["id", "scope", "name", "indicator", "value", "unit", "target", "status", "basis"]
        let rows = results.map { r -> [String] in
            [
                r.id, r.scope, r.scopeName, r.indicator, r.value.map { String(format: "%.2f", $0) } ?? "", r.unit,
                r.band,
                r.status.rawValue, r.basis,
            ]
        }
        switch format {
        case .table: print(TextTable.render(header: header, rows: rows), terminator: "")
        case .csv: print(CSVText.render(header: header, rows: rows), terminator: "")
        case .json:
            let objects: [[String: Any]] = results.map { r in
                [
                    "id": r.id, "scope": r.scope, "scope_name": r.scopeName, "indicator": r.indicator,
                    "value": r.value.map { $0 as Any } ?? NSNull(), "unit": r.unit, "target": r.band,
                    "status": r.status.rawValue, "basis": r.basis,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
