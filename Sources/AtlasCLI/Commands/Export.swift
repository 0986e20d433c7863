import ArgumentParser
import AtlasCoverage
import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the commune map or the works layer as RFC 7946 GeoJSON.",
        subcommands: [ExportCommunes.self, ExportWorks.self]
    )
}

/// Output options every export shares.
struct ExportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file, or - for standard output.")
    var output: String

    @Option(help: "Decimals of coordinates, 0 to 7.") var precision: Int = 6

    @Flag(help: "Write a GeoJSON text sequence (RFC 8142): one Feature per line.") var textSequence = false

    func validate() throws {
        guard GeoJSONWriteOptions.precisionRange.contains(precision) else {
            throw ValidationError("--precision must be between 0 and 7, got \(precision)")
        }
    }

    func exporter(_ db: AppDatabase) throws -> GeoJSONExporter {
        GeoJSONExporter(
            database: db, options: try GeoJSONWriteOptions(coordinatePrecision: precision, textSequence: textSequence))
    }

    func done(_ count: Int, _ what: String) {
        if output != "-" { Terminal.note("wrote \(count) \(what) to \(output)") }
    }
}

struct ExportCommunes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communes",
        abstract: "Write the commune map: codes, names, classifications, statistics, works and investment.")

    @OptionGroup var options: ExportOptions
    @Option(help: "Year of the statistics (default: the latest year with statistics).") var year: Int?
    @OptionGroup var coverage: CoverageOptions

    func run() throws {
        let db = options.units.apply(to: try options.database.open())
        let years = try db.statisticsYears()
        let chosenYear = year ?? years.last ?? Calendar.current.component(.year, from: Date())
        if !years.contains(chosenYear) {
            let known =
                years.isEmpty
                ? "none is loaded (worksatlas import stats)"
                : "there are statistics for \(years.map(String.init).joined(separator: ", "))"
            Terminal.note("note: no statistics for \(chosenYear): households and poverty are empty; \(known)")
        }
        var export = CommuneMapExport(year: chosenYear)
        export.addCoverage(
            try CoverageEngine(rules: try coverage.loadRules()).run(
                on: db, asOf: coverage.asOfDate, statsYear: chosenYear))
        export.addTargets(
            CommuneTargetFields.compute(
                stats: try db.allStatistics(), classifications: try db.allClassifications(),
                communes: try db.units(kind: .commune), year: chosenYear))
        let count = try options.exporter(db).writeCommunes(export, to: options.output)
        options.done(count, "communes (statistics of \(chosenYear))")
        let lost = try db.unresolvedStatistics().filter { $0.years.contains(chosenYear) }.map(\.code)
        if !lost.isEmpty {
            Terminal.note(
                "note: the \(chosenYear) figures of \(lost.count) earlier units are not in these communes, "
                    + "their successor being unknown (worksatlas units --history CODE): \(lost.joined(separator: ", "))")
        }
    }
}

struct ExportWorks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "works", abstract: "Write the works layer: one Feature per work with its attributes.")

    @OptionGroup var options: ExportOptions

    func run() throws {
        let count = try options.exporter(options.units.apply(to: try options.database.open())).writeWorks(to: options.output)
        options.done(count, "works")
    }
}
