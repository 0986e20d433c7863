import AtlasCoverage
import AtlasImport
import AtlasModel
import AtlasReports
import AtlasStore
import AtlasTestSupport
import Foundation

/// The small world (two communes split at 106.1° E, district 178, statistics of 2017 and 2018)
/// with the report world's five works (`Tests/Fixtures/report-world/works.geojson`) and three
/// maintenance events written by the sqlite3 shell, in a temporary folder.
struct ReportFixture {
    static let folder = TestFixtures.folder("report-world")
    let directory: URL
    let database: AppDatabase
    var databasePath: String { directory.appendingPathComponent("atlas.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        _ = try importer.importUnits(from: SmallWorld.url("units.geojson"))
        _ = try importer.importVillages(from: SmallWorld.url("villages.csv"))
        _ = try importer.importStatistics(from: SmallWorld.url("stats.csv"))
        _ = try importer.importWorks(from: Self.folder.appendingPathComponent("works.geojson"))
        // R-1's and R-2's upkeep: two events in 2018 (one on each end of the year), one after.
        _ = try SQLiteShell.run(
            databasePath,
            """
            INSERT INTO maintenanceEvent (workId, happenedOn, costVND, note) VALUES
              ('R-1', '2018-01-01', 5000000, 'vá ổ gà'), ('R-2', '2018-12-31', 25000000, 'san gạt'),
              ('R-2', '2019-01-01', 10000000, 'rãnh thoát nước');
            """)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static var plan: BudgetPlan { get throws { try BudgetPlan.read(folder.appendingPathComponent("plan.json")) } }

    func report(
        _ grouping: ReportGrouping, from: String = "2018-01-01", to: String = "2018-12-31", plan: BudgetPlan? = nil,
        language: ReportLanguage = .vi
    ) throws -> ReportDocument {
        let period = try ReportPeriod(from: try CalendarDate(iso: from), to: try CalendarDate(iso: to))
        let inputs = try PeriodReportInputs.read(
            from: database, period: period, grouping: grouping, unitsDay: period.to, rules: .standard, plan: plan)
        return try PeriodReport.build(inputs, language: language)
    }
}

extension ReportDocument {
    func table(_ key: String) -> ReportTable? { tables.first { $0.key == key } }
}

extension ReportTable {
    /// The cell of the row whose first cell is `code` (the totals row for "total") in `column`.
    func cell(_ code: String, _ column: String) -> ReportCell? {
        guard let i = columns.firstIndex(where: { $0.key == column }) else { return nil }
        if code == "total" { return totals?[i] }
        return rows.first { $0.first == .text(code) }?[i]
    }
}
