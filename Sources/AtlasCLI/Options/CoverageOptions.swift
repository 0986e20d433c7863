import ArgumentParser
import AtlasModel
import Foundation

/// `--rules FILE` and `--as-of DATE`, shared by coverage, targets and exports.
struct CoverageOptions: ParsableArguments {
    @Option(help: "Coverage rules as JSON: distances and conditions per category (default: the standard rules, as in Data/coverage-rules.json).")
    var rules: String?

    @Option(name: .customLong("as-of"), help: "Count only works completed on or before this date (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        if let asOf, (try? CalendarDate(iso: asOf)) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got \"\(asOf)\"")
        }
        if let rules, !FileManager.default.fileExists(atPath: rules) {
            throw ValidationError("no such rules file: \(rules)")
        }
    }

    func loadRules() throws -> CoverageRules {
        guard let rules else { return .standard }
        return try CoverageRules.load(from: URL(fileURLWithPath: rules))
    }

    var asOfDate: CalendarDate? { asOf.flatMap { try? CalendarDate(iso: $0) } }
}
