import ArgumentParser
import AtlasCoverage
import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the commune map or the works layer as GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV or XLSX.",
        subcommands: [ExportCommunes.self, ExportWorks.self, ExportForm.self]
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

    @Option(
        help: ArgumentHelp(
            "File format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the extension of -o, else geojson).",
            valueName: "format"))
    var format: String?

    @Option(help: "EPSG code of the coordinates written, e.g. 9215 (VN-2000 / TM-3 Lạng Sơn); GeoJSON and KML are always 4326.")
    var srid: Int32 = SpatialReference.wgs84

    /// The format asked for, else the one -o's extension names, else GeoJSON.
    var resolvedFormat: ExportFormat {
        if textSequence { return .geojsons }
        return format.flatMap(ExportFormat.init(rawValue:)) ?? ExportFormat(fileName: output) ?? .geojson
    }

    func validate() throws {
        guard GeoJSONWriteOptions.precisionRange.contains(precision) else {
            throw ValidationError("--precision must be between 0 and 7, got \(precision)")
        }
        if let format, ExportFormat(rawValue: format) == nil {
            throw ValidationError(
                "--format \(format) is unknown (allowed: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if textSequence, let format, format != "geojsons", format != "geojson" {
            throw ValidationError("--text-sequence is GeoJSON's; --format \(format) cannot be combined with it")
        }
        let chosen = resolvedFormat
        if output == "-", chosen.driver != nil {
            throw ValidationError("only GeoJSON can be written to standard output; give -o FILE.\(chosen.rawValue)")
        }
        guard SpatialReference.acceptedInput.contains(srid) else {
            throw ValidationError("--srid \(srid) is not supported (allowed: \(SpatialReference.acceptedList))")
        }
        if chosen.isWGS84Only, srid != SpatialReference.wgs84 {
            throw ValidationError("\(chosen.rawValue) is WGS 84 (EPSG:4326) by definition; --srid \(srid) needs gpkg, shp, fgb, csv or xlsx")
        }
    }

    func exporter(_ db: AppDatabase) throws -> GeoJSONExporter {
        GeoJSONExporter(
            database: db,
            options: try GeoJSONWriteOptions(coordinatePrecision: precision, textSequence: resolvedFormat == .geojsons))
    }

    /// The GDAL exporter, or nil when the format is GeoJSON.
    func gisExporter(_ db: AppDatabase) -> GISExporter? {
        resolvedFormat.driver == nil ? nil : GISExporter(database: db, format: resolvedFormat, srid: srid)
    }

    func done(_ count: Int, _ what: String) {
        if output != "-" { Terminal.note("wrote \(count) \(what) to \(output)") }
    }

    func done(_ result: ExportResult, _ what: String) {
        for warning in result.warnings { Terminal.note("GDAL warning: \(warning)") }
        let layers = result.layers.count > 1 ? " (" + result.layers.map { "\($0.name) \($0.features)" }.joined(separator: ", ") + ")" : ""
        // A Shapefile's .shx, .dbf, .prj and .cpg go without saying.
        let named = result.files.filter { !["shx", "dbf", "prj", "cpg"].contains(URL(fileURLWithPath: $0).pathExtension) }
        Terminal.note("wrote \(result.features) \(what)\(layers) to \(named.joined(separator: ", "))")
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
        let export = try CommuneMapExport.build(
            on: db, year: chosenYear, rules: try coverage.loadRules(), asOf: coverage.asOfDate)
        let what = "communes (statistics of \(chosenYear))"
        if let gis = options.gisExporter(db) {
            options.done(try gis.writeCommunes(export, to: options.output), what)
        } else {
            options.done(try options.exporter(db).writeCommunes(export, to: options.output), what)
        }
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
        let db = options.units.apply(to: try options.database.open())
        if let gis = options.gisExporter(db) {
            options.done(try gis.writeWorks(to: options.output), "works")
        } else {
            options.done(try options.exporter(db).writeWorks(to: options.output), "works")
        }
    }
}
