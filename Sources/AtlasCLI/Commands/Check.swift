import ArgumentParser
import AtlasCoverage
import AtlasModel
import AtlasStore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every problem in the data, one line per finding; exit 1 when any is an error.",
        discussion: """
            Errors: ineligible works (30a outside a poor district, 135 outside difficult/border/safe-zone \
            communes), works in no commune, completed works without a completion date, statistics with more \
            poor than households. Warnings: declared commune disagrees with the geometry, roads without \
            surface, villages outside their commune, handed-over works without maintenance in the last \
            maintenance_due_years of the rules (3 by default). Info: works located only by their commune.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "table or csv.") var format: Format = .table
    @Flag(help: "Leave out info-level findings.") var quiet = false
    @Option(help: "Coverage rules as JSON, for maintenance_due_years (default: the standard rules).")
    var rules: String?
    @Option(name: .customLong("as-of"), help: "Judge maintenance as of this date (YYYY-MM-DD; default: today).")
    var asOf: String?

    func validate() throws {
        _ = try parseDateOption(asOf, name: "--as-of")
        try CoverageOptions.requireRulesFile(rules)
    }

    func run() throws {
        let rules = try rules.map(CoverageOptions.load) ?? .standard
        let day = try parseDateOption(asOf, name: "--as-of") ?? .today()
        var findings = try DataChecker().run(on: units.apply(to: try database.open()), rules: rules, asOf: day)
        if quiet { findings.removeAll { $0.severity == .info } }
        let rows = FindingRows.rows(findings, folded: format == .table)
        let header = ["severity", "subject", "id", "rule", "reason"]
        switch format {
        case .table: print(TextTable.render(header: header, rows: rows), terminator: "")
        case .csv: print(CSVText.render(header: header, rows: rows), terminator: "")
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        Terminal.note("\(errors) errors, \(warnings) warnings, \(findings.count - errors - warnings) notes")
        if errors > 0 { throw ExitCode(AtlasExitCode.dataProblems) }
    }
}
