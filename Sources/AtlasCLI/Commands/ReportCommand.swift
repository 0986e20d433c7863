import ArgumentParser
import AtlasModel
import AtlasReports
import AtlasStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo định kỳ / Write the periodic report: progress, status, funding, budget envelope, poverty and coverage.",
        discussion: """
            Both ends of the period are included. Money counts for the works approved in the period; \
            maintenance by the date of each event; the status at the end is the last one recorded on or \
            before --to. The start of the period is the day before --from, with the statistics of the year \
            before. The budget envelope comes from --plan, or from the plan in Data/plans whose period \
            overlaps the report's. Every format is written from the same tables, so the numbers agree to \
            the đồng; the PDF puts the poverty map of the last year on its first page.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, xlsx, pdf }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption

    @Option(help: "First day of the period (YYYY-MM-DD).") var from: String
    @Option(help: "Last day of the period (YYYY-MM-DD).") var to: String
    @Option(help: "Rows of the tables: province, district, commune, programme or source.") var by: String = "province"
    @Option(help: "Output format: table, csv, xlsx or pdf (default: from the extension of -o, else table).")
    var format: Format?
    @Option(help: "Language of headings and labels: vi or en.") var lang: String = "vi"
    @Option(help: "Plan file with the budget envelope (JSON, as Data/plans/35-KH-UBND-2016-2020.json).")
    var plan: String?
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (default: standard output for table and csv).")
    var output: String?

    @OptionGroup var coverage: CoverageOptions

    func validate() throws {
        for (name, text) in [("--from", from), ("--to", to)] {
            do { _ = try CalendarDate(iso: text, field: name) } catch {
                throw ValidationError("\(name) \(text): \(error.description); e.g. \(name) 2016-01-01")
            }
        }
        if let start = try? CalendarDate(iso: from), let end = try? CalendarDate(iso: to), start > end {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
        guard ReportGrouping(rawValue: by) != nil else {
            throw ValidationError("--by \(by) is unknown (allowed: \(ReportGrouping.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang \(lang) is unknown (allowed: vi, en)") }
        if let plan, !FileManager.default.fileExists(atPath: plan) { throw ValidationError("no such plan file: \(plan)") }
        let chosen = try chosenFormat()
        if (chosen == .xlsx || chosen == .pdf) && output == nil {
            throw ValidationError("--format \(chosen.rawValue) writes a file: give -o FILE")
        }
    }

    func chosenFormat() throws -> Format {
        if let format { return format }
        guard let output else { return .table }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext.isEmpty || ext == "txt" { return .table }
        guard let f = Format(rawValue: ext) else {
            throw ValidationError("-o \(output): the extension names no report format (allowed: csv, xlsx, pdf, txt)")
        }
        return f
    }

    func run() throws {
        let period = try ReportPeriod(from: try CalendarDate(iso: from), to: try CalendarDate(iso: to))
        let grouping = ReportGrouping(rawValue: by) ?? .province
        let language = ReportLanguage(rawValue: lang) ?? .vi
        // A report is on the units in force at the end of its period unless --units says otherwise.
        let unitsDay = units.date ?? period.to
        let store = try database.open().onUnits(unitsDay)
        let budget = try plan.map { try BudgetPlan.read(URL(fileURLWithPath: $0)) } ?? Self.bundledPlan(overlapping: period)
        let rules = try coverage.loadRules()
        let inputs = try PeriodReportInputs.read(
            from: store, period: period, grouping: grouping, unitsDay: unitsDay, rules: rules, plan: budget)
        let report = try PeriodReport.build(inputs, language: language)
        let format = try chosenFormat()
        switch format {
        case .table, .csv:
            let text = format == .table ? Self.table(report, language) : Self.csv(report)
            if let output {
                try ReportFiles.write(Data(text.utf8), to: output)
            } else {
                print(text, terminator: "")
            }
        case .xlsx:
            try ReportFiles.write(try ReportWorkbook.data(report, language: language), to: output ?? "report.xlsx")
        case .pdf:
            let map = try PrintMap.load(
                from: store, indicator: .povertyRate, year: period.endYear, categories: [], rules: rules, asOf: period.to)
            try ReportFiles.writePDF(ReportPDF(report: report, language: language, map: MapRenderer(map: map, paper: .a4)), to: output ?? "report.pdf")
        }
        if let output {
            Terminal.note("wrote the \(period.description) report by \(grouping.rawValue) (\(report.tables.count) tables\(budget == nil ? ", no budget envelope: give --plan" : "")) to \(output)")
        } else if budget == nil {
            Terminal.note("no budget envelope: no plan in Data/plans covers the period; give --plan FILE")
        }
    }

    /// The bundled plan whose period overlaps the report's, when the command runs where the
    /// project's Data/ folder is.
    static func bundledPlan(overlapping period: ReportPeriod) throws -> BudgetPlan? {
        let folder = URL(fileURLWithPath: "Data/plans")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        for name in names.sorted() where name.hasSuffix(".json") {
            let plan = try BudgetPlan.read(folder.appendingPathComponent(name))
            if plan.from <= period.to && period.from <= plan.to { return plan }
        }
        return nil
    }

    static func table(_ report: ReportDocument, _ language: ReportLanguage) -> String {
        var out = language.pick(report.title) + "\n" + language.pick(report.subtitle) + "\n"
        for table in report.tables {
            out += "\n" + language.pick(table.title) + "\n"
            let rows = (table.rows + (table.totals.map { [$0] } ?? [])).map { row in
                zip(table.columns, row).map { $1.display($0.kind, language) }
            }
            out += TextTable.render(header: table.columns.map { language.pick($0.heading) }, rows: rows)
        }
        out += "\n" + (report.notes.map(language.pick) + report.notices).joined(separator: "\n") + "\n"
        return out
    }

    /// One line per cell (`table,row,column,value`): every table in one file, numbers plain.
    static func csv(_ report: ReportDocument) -> String {
        var rows: [[String]] = []
        for table in report.tables {
            for (i, row) in (table.rows + (table.totals.map { [$0] } ?? [])).enumerated() {
                let label = table.totals != nil && i == table.rows.count ? "total" : String(i + 1)
                for (column, cell) in zip(table.columns, row) { rows.append([table.key, label, column.key, cell.plainText]) }
            }
        }
        return CSVText.render(header: ["table", "row", "column", "value"], rows: rows)
    }
}
