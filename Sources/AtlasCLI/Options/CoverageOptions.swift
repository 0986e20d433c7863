import ArgumentParser
import AtlasGeoJSON
import AtlasModel
import Foundation

/// `--rules FILE` and `--as-of DATE`, shared by coverage, targets and exports.
struct CoverageOptions: ParsableArguments {
    @Option(
        help:
            "Coverage rules as JSON: distances and conditions per category (default: the standard rules, as in Data/coverage-rules.json)."
    )
    var rules: String?

    @Option(name: .customLong("as-of"), help: "Count only works completed on or before this date (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        if let asOf, (try? CalendarDate(iso: asOf)) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got \"\(asOf)\"")
        }
        try Self.requireRulesFile(rules)
    }

    /// A `--rules` path names a file that exists.
    static func requireRulesFile(_ path: String?) throws {
        if let path, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such rules file: \(path)")
        }
    }

    func loadRules() throws -> CoverageRules {
        guard let rules else { return .standard }
        return try Self.load(rules)
    }

    /// A rules file, first read by the strict JSON reader (no duplicate keys, NaN or deep
    /// nesting, which JSONDecoder would let pass), then decoded.
    static func load(_ path: String) throws -> CoverageRules {
        let bytes = try FileBytes.read(path: path, maximumSize: 1 << 20)
        do {
            _ = try StrictJSONParser().parse(bytes)
        } catch {
            throw ModelError.invalid(
                field: URL(fileURLWithPath: path).lastPathComponent, value: "", reason: error.description)
        }
        return try CoverageRules.load(from: URL(fileURLWithPath: path))
    }

    var asOfDate: CalendarDate? { asOf.flatMap { try? CalendarDate(iso: $0) } }
}
