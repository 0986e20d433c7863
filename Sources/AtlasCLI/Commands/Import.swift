import ArgumentParser
import AtlasImport
import AtlasStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Import units, successions, villages, statistics, classifications or works (GeoJSON or CSV; the README lists their columns); a file with any bad row changes nothing.",
        subcommands: [
            ImportUnits.self, ImportSuccessions.self, ImportVillages.self, ImportStats.self,
            ImportClassifications.self, ImportWorks.self,
        ]
    )
}

/// Options every import shares.
struct ImportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "Attribution to record for this file (default: from the file or a sources.json beside it).")
    var attribution: String?

    @Option(help: "Notice to carry into every output made from this file (e.g. \"sample data\").")
    var notice: String?

    @Flag(help: "Print the time each phase took (read, validate, write).") var timings = false

    var url: URL { URL(fileURLWithPath: file) }
    var provenance: ImportProvenance { ImportProvenance(attribution: attribution, notice: notice) }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("no such file: \(file)")
        }
    }

    func report(_ report: ImportReport) {
        for note in report.notes { Terminal.note("note: \(note)") }
        for warning in report.warnings { Terminal.note("warning: \(warning)") }
        print("imported \(report.rowCount) \(report.kind) from \(report.file)")
        if timings {
            Terminal.note(
                report.phases.map { "\($0.name) \(String(format: "%.2f s (cpu %.2f s)", $0.seconds, $0.cpuSeconds))" }
                    .joined(separator: ", "))
        }
    }
}

/// One `import <kind>` command: it says how its file is imported; opening the database and
/// reporting the result are the same for all.
protocol ImportSubcommand: ParsableCommand {
    var options: ImportOptions { get }
    func importFile(with importer: Importer) throws -> ImportReport
    /// The units the file's codes name; an import with `--units` says otherwise.
    func unitsSeen(_ database: AppDatabase) throws -> AppDatabase
}

extension ImportSubcommand {
    func run() throws {
        options.report(try importFile(with: Importer(database: try unitsSeen(try options.database.open()))))
    }

    func unitsSeen(_ database: AppDatabase) throws -> AppDatabase { database }
}

/// What `--sheet` reads, for every import that takes it.
let sheetHelp =
    "Sheet of a workbook or layer of a GIS file to read (default: the first with rows; every layer of a GeoPackage or KML)."

/// `--srid N`: the coordinate system of the input.
struct SRIDOption: ParsableArguments {
    @Option(help: "EPSG code of the input coordinates: \(SpatialReference.acceptedList).")
    var srid: Int32 = 4326

    func validate() throws {
        guard SpatialReference.acceptedInput.contains(srid) else {
            throw ValidationError("--srid \(srid) is not accepted; use one of \(SpatialReference.acceptedList)")
        }
    }
}

struct ImportUnits: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract:
            "Import one vintage of administrative units (GeoJSON, Shapefile, GeoPackage, FlatGeobuf, KML: code, name, kind, type, parent_code).",
        discussion: """
            A unit is its code and its validity: codes are reused with new meanings. Units in force \
            on --valid-from end the day before (a vintage is the whole map); without --valid-from the \
            units are valid from the beginning; without --valid-to, until the next stored vintage. \
            GIS files may name the fields in Vietnamese (Mã ĐVHC, Tên, Cấp: Tỉnh/Huyện/Xã, Mã cấp trên) \
            and hold codes as numbers; their own coordinate system (.prj) wins over --srid.
            """)
    @OptionGroup var options: ImportOptions
    @OptionGroup var srid: SRIDOption
    @Option(help: "File format: \(UnitFeatures.formatNames.joined(separator: ", ")) (default: from the extension).")
    var format: String?
    @Option(help: "Hiệu lực từ ngày / First day these units are in force (YYYY-MM-DD).") var validFrom: String?
    @Option(help: "Hiệu lực đến ngày / Last day these units are in force (YYYY-MM-DD).") var validTo: String?

    func validate() throws {
        if let format, !UnitFeatures.formatNames.contains(format.lowercased()) {
            throw ValidationError("--format \(format) is not known; use one of \(UnitFeatures.formatNames.joined(separator: ", "))")
        }
        _ = try parseDateOption(validFrom, name: "--valid-from")
        _ = try parseDateOption(validTo, name: "--valid-to")
    }

    func importFile(with importer: Importer) throws -> ImportReport {
        try importer.importUnits(
            from: options.url, srid: srid.srid, format: format, validFrom: try parseDateOption(validFrom, name: "--valid-from"),
            validTo: try parseDateOption(validTo, name: "--valid-to"), provenance: options.provenance)
    }
}

struct ImportSuccessions: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "successions",
        abstract: "Import unit successions (CSV: old_code, new_code, effective_on, relation whole|part, share).",
        discussion: """
            Codes are read against the units in force the day before and on effective_on, so import \
            both vintages first. The lines of a date replace those stored for it.
            """)
    @OptionGroup var options: ImportOptions

    func importFile(with importer: Importer) throws -> ImportReport {
        try importer.importSuccessions(from: options.url, provenance: options.provenance)
    }
}

struct ImportVillages: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "villages",
        abstract:
            "Import villages (CSV, XLSX/ODS, or a GIS layer of points: code, commune_code, name, lon, lat, households).",
        discussion: """
            A workbook may have title rows above its header and Vietnamese headers (Mã thôn, Mã xã, \
            Tên thôn, Kinh độ, Vĩ độ, Số hộ); a Shapefile, GeoPackage, FlatGeobuf, KML or GeoJSON layer \
            gives each village its point, in the coordinate system the file states (--srid otherwise).
            """)
    @OptionGroup var options: ImportOptions
    @OptionGroup var srid: SRIDOption
    @OptionGroup var units: UnitsOption
    @Option(help: "File format: \(Importer.villageFormatNames.joined(separator: ", ")) (default: from the extension).")
    var format: String?
    @Option(help: ArgumentHelp(sheetHelp)) var sheet: String?

    func validate() throws {
        if let format, !Importer.villageFormatNames.contains(format.lowercased()) {
            throw ValidationError("--format \(format) is not known; use one of \(Importer.villageFormatNames.joined(separator: ", "))")
        }
    }

    func unitsSeen(_ database: AppDatabase) throws -> AppDatabase { units.apply(to: database) }

    func importFile(with importer: Importer) throws -> ImportReport {
        try importer.importVillages(
            from: options.url, srid: srid.srid, format: format, sheet: sheet, provenance: options.provenance)
    }
}

struct ImportStats: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Import yearly statistics (CSV: year, code, households, poor_households, near_poor_households, optional units_on).")
    @OptionGroup var options: ImportOptions
    @OptionGroup var units: UnitsOption

    func importFile(with importer: Importer) throws -> ImportReport {
        try importer.importStatistics(from: options.url, unitsOn: units.date, provenance: options.provenance)
    }
}

struct ImportClassifications: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "classifications", abstract: "Import programme classifications (CSV: period, code, flag).")
    @OptionGroup var options: ImportOptions

    func importFile(with importer: Importer) throws -> ImportReport {
        try importer.importClassifications(from: options.url, provenance: options.provenance)
    }
}

struct ImportWorks: ImportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "works",
        abstract:
            "Import or update works (GeoJSON, CSV with lon/lat or wkt columns, XLSX/ODS, Shapefile, GeoPackage, KML/KMZ, GPX, FlatGeobuf).",
        discussion: """
            A work whose id exists is updated; its status may only move along legal transitions. \
            Headers may be the README's field names or Vietnamese (Mã công trình, Tên công trình, Chương trình…), \
            values too (Giao thông, Hoàn thành, Bê tông); the notes say which sheet, header row and columns were read.
            """)
    @OptionGroup var options: ImportOptions
    @OptionGroup var srid: SRIDOption
    @Option(help: "File format: \(WorkFileOptions.formatNames.joined(separator: ", ")) (default: from the extension).")
    var format: String?
    @Option(help: ArgumentHelp(sheetHelp)) var sheet: String?
    @Option(help: "A CSV file \"header,field\" mapping this file's header names to works fields (- ignores a column).")
    var columns: String?
    @Option(help: "Values for fields the file has no column for, e.g. programme=135,category=road.")
    var defaults: String?
    @Option(help: "Text encoding: utf8 (default; a Shapefile's .cpg is followed) or tcvn3 (the ABC/.VnTime fonts).")
    var encoding: String?

    func validate() throws {
        if let format, !WorkFileOptions.formatNames.contains(format.lowercased()) {
            throw ValidationError("--format \(format) is not known; use one of \(WorkFileOptions.formatNames.joined(separator: ", "))")
        }
        if let defaults, WorkFileOptions.parseDefaults(defaults) == nil {
            throw ValidationError("--defaults \(defaults): give field=value pairs separated by commas")
        }
        if let encoding, !WorkFileOptions.encodingNames.contains(encoding.lowercased()) {
            throw ValidationError("--encoding \(encoding) is not known; use one of \(WorkFileOptions.encodingNames.joined(separator: ", "))")
        }
        if let columns, !FileManager.default.fileExists(atPath: columns) {
            throw ValidationError("no such file: \(columns)")
        }
    }

    func importFile(with importer: Importer) throws -> ImportReport {
        let progress: (@Sendable (Int, Int) -> Void)? = Terminal.isInteractive ? Terminal.progress(label: "works") : nil
        let fileOptions = WorkFileOptions(
            format: format, sheet: sheet, columnsFile: columns.map { URL(fileURLWithPath: $0) },
            defaults: defaults.flatMap(WorkFileOptions.parseDefaults) ?? [:], tcvn3: encoding?.lowercased() == "tcvn3")
        return try importer.importWorks(
            from: options.url, srid: srid.srid, options: fileOptions, provenance: options.provenance,
            progress: progress)
    }
}
