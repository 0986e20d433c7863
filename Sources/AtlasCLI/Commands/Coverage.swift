import ArgumentParser
import AtlasCoverage
import AtlasModel
import AtlasStore
import Foundation

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute, per commune and category, the share of households within reach of a serving work.",
        discussion: """
            A work serves when completed or handed over (and, with --as-of, completed by that date); a road \
            only when asphalt or concrete. A village is served when a serving work lies within the service \
            distance (planar metres in VN-2000 / UTM 48N, EPSG:3405) or lists it in villages_served. A \
            commune without villages is measured at its centroid ("centroid" in the output).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, wide }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "Only communes of this district (code).") var district: String?
    @Option(help: "Year of the statistics for communes without villages (default: latest).") var year: Int?
    @Option(
        help:
            "table, csv (one row per commune and category: commune_code, category, households, served_households, coverage), json, or wide (one row per commune)."
    )
    var format: Format = .table
    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let db = units.apply(to: try database.open())
        var report = try CoverageEngine(rules: try coverage.loadRules())
            .run(on: db, asOf: coverage.asOfDate, statsYear: year)
        if let district { report.communes.removeAll { $0.districtCode != district } }
        let text: String
        switch format {
        case .csv: text = CoverageFormatter.csv(report)
        case .wide: text = CoverageFormatter.wide(report)
        case .json: text = try CoverageFormatter.json(report)
        case .table:
            let names = Dictionary(
                try db.units(kind: .commune).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            text = CoverageFormatter.table(report, names: names)
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Terminal.note("wrote coverage of \(report.communes.count) communes to \(output)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let centroid = report.communes.filter(\.usesCentroid).count
        if centroid > 0 && format != .table && format != .json {
            Terminal.note("note: \(centroid) communes have no villages and were measured at their centroid")
        }
        if report.villagesWithoutLocation > 0 {
            Terminal.note(
                "note: \(report.villagesWithoutLocation) villages have no location; only villages_served can serve them"
            )
        }
    }
}
