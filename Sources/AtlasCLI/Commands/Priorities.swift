import ArgumentParser
import AtlasCoverage
import AtlasModel
import Foundation

struct Priorities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank communes for the next works of one category, with the parts of each score.",
        discussion: """
            base = unserved_poor_households × w_poor + unserved_households × w_households; a commune with an \
            eligibility flag of the period (poor_30a from its district, difficult_135, border, safe_zone) scores \
            base × (1 + eligible_bonus), the others base. The weights are the rules file's priority_weights \
            (standard: 1.0, 0.1, 0.25). Unserved villages are those of `gaps`; equal scores go in code order.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var category: CategoryOption
    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "Year of the statistics and of the classification period (default: the latest year with statistics).")
    var year: Int?
    @Option(help: "Show only the first N communes.") var top: Int?
    @Option(
        help:
            "table or csv (rank, commune_code, commune_name, unserved_villages, unserved_households, unserved_poor_households, poverty_rate, flags, eligible, poor_part, households_part, eligible_bonus_part, score)."
    )
    var format: Format = .table

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top)") }
    }

    func run() throws {
        let db = units.apply(to: try database.open())
        let rules = try coverage.loadRules()
        let report = try GapFinder(rules: rules)
            .run(on: db, category: category.category, asOf: coverage.asOfDate, statsYear: year)
        var ranking = PriorityRanking.rank(report, weights: rules.priorityWeights)
        if let top { ranking = Array(ranking.prefix(top)) }
        let text =
            format == .csv
            ? PrioritiesFormatter.csv(ranking)
            : PrioritiesFormatter.table(ranking, report: report, weights: rules.priorityWeights)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
