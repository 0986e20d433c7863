import ArgumentParser
import AtlasModel
import AtlasReports
import AtlasStore
import Foundation

struct PrintMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a printable commune map (PDF, PNG or SVG) with the web map's classes and colours.",
        discussion: """
            The communes are coloured by the indicator, with the district (or, without districts, the \
            province) outlines, a legend counting the communes in each class, a metric scale bar, a north \
            arrow, the date, and the sources' attributions and notices. The sheet is A4 or A3, turned to \
            whichever of portrait and landscape prints the province larger.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption

    @Option(
        help: ArgumentHelp(
            "What colours the communes: poverty_rate, poverty_change (points a year since the first year with statistics) or coverage_CATEGORY (e.g. coverage_road).",
            valueName: "indicator"))
    var indicator: String

    @Option(help: "Year of the statistics (default: the latest year with statistics).") var year: Int?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Draw the works of these categories (\(WorkCategory.allowedList), or all); default: none. Cancelled works are left out.",
            valueName: "category"))
    var works: [String] = []

    @Option(help: "Sheet size (ISO 216).") var paper: MapPaper = .a4

    @OptionGroup var coverage: CoverageOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file: .pdf, .png (150 dpi) or .svg.")
    var output: String

    func validate() throws {
        do { _ = try MapIndicator(argument: indicator) } catch {
            throw ValidationError("--indicator: \(error.description)")
        }
        _ = try categories()
        guard MapFileFormat(path: output) != nil else {
            throw ValidationError(
                "-o \(output): the extension names no map format (allowed: \(MapFileFormat.allowedList))")
        }
    }

    /// The categories of --works, in vocabulary order; "all" is every one.
    func categories() throws -> [WorkCategory] {
        if works.contains("all") { return WorkCategory.allCases }
        var chosen: Set<WorkCategory> = []
        for word in works {
            guard let category = WorkCategory(rawValue: word) else {
                throw ValidationError("--works \(word) is unknown (allowed: \(WorkCategory.allowedList), all)")
            }
            chosen.insert(category)
        }
        return WorkCategory.allCases.filter(chosen.contains)
    }

    func run() throws {
        let db = units.apply(to: try database.open())
        let chosenYear = try year ?? db.statisticsYears().last ?? CalendarDate.today().year
        let map = try PrintMap.load(
            from: db, indicator: try MapIndicator(argument: indicator), year: chosenYear, categories: try categories(),
            rules: try coverage.loadRules(), asOf: coverage.asOfDate)
        let renderer = MapRenderer(map: map, paper: paper)
        try MapFileWriter.write(renderer, to: output)
        let counts = map.classCounts
        let drawn = map.works.reduce(0) { $0 + $1.works.count }
        Terminal.note(
            "wrote the \(indicator) map of \(chosenYear) (\(map.communes.count) communes; per class "
                + counts.map(String.init).joined(separator: ", ") + "\(drawn > 0 ? "; \(drawn) works" : "")) to \(output) "
                + "(\(paper.rawValue) \(renderer.isLandscape ? "landscape" : "portrait"))")
    }
}

extension MapPaper: ExpressibleByArgument {}
