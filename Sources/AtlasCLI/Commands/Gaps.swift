import ArgumentParser
import AtlasCoverage
import AtlasExport
import AtlasModel
import AtlasStore
import Foundation

struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the villages not served in one category, most estimated poor households first.",
        discussion: """
            "Served" is exactly what coverage decides. estimated_poor_households is the village's \
            own poor households when it has statistics for the year (poor_basis village), else its households \
            times the commune's poverty rate, rounded half up (poor_basis commune_rate). distance_m is planar \
            metres (EPSG:3405) to the nearest serving work of the category whose location counts, empty when \
            there is none. A commune without villages is listed once, at its centroid.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, geojson }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var category: CategoryOption
    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "Year of the statistics (default: the latest year with statistics).") var year: Int?
    @Option(
        help:
            "table, csv (village_code, village_name, commune_code, commune_name, households, poverty_rate, estimated_poor_households, poor_basis, distance_m, note) or geojson (points)."
    )
    var format: Format = .table
    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let db = units.apply(to: try database.open())
        let report = try GapFinder(rules: try coverage.loadRules())
            .run(on: db, category: category.category, asOf: coverage.asOfDate, statsYear: year)
        let text: String
        switch format {
        case .table: text = GapsFormatter.table(report)
        case .csv: text = GapsFormatter.csv(report)
        case .geojson: text = try GapsLayerExport.text(report, notice: try ExportNotice(title: "gaps", database: db))
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Terminal.note("wrote \(report.gaps.count) unserved villages (\(report.category.rawValue)) to \(output)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
