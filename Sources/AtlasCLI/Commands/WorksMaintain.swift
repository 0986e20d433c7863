import ArgumentParser
import AtlasExport
import AtlasModel
import AtlasStore

struct WorksMaintain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintain",
        abstract: "Record maintenance of a completed or handed-over work: its date, cost and who paid.",
        discussion:
            "The date falls between the work's completion and today; the cost is whole đồng (1500000 or 1.500.000). Audited like every change."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The work id.") var id: String
    @Option(help: "Date of the maintenance, YYYY-MM-DD.") var date: String
    @Option(help: "Cost in whole đồng, e.g. 1500000 or 1.500.000.") var cost: String
    @Option(help: "Who paid: \(FundingSource.allowedList).") var source: String?
    @Option(help: "What was done, in a few words.") var note: String?

    // Checked here, not in run(), so a bad value prints this command's usage, not the top level's.
    func validate() throws { _ = try parsed() }

    private func parsed() throws -> MaintenanceEvent {
        guard let day = try parseDateOption(date, name: "--date") else { throw ValidationError("--date is required") }
        let amount: Int64
        do { amount = try AtlasModel.Money.parse(cost, field: "--cost") } catch {
            throw ValidationError(error.description)
        }
        var payer: FundingSource?
        if let source {
            do { payer = try FundingSource.parse(source, field: "--source") } catch {
                throw ValidationError("--source \(source): \(error.description)")
            }
        }
        do {
            return try MaintenanceEvent(happenedOn: day, costVND: amount, source: payer, note: note)
        } catch {
            throw ValidationError(error.field == "note" ? "--note: \(error.description)" : error.description)
        }
    }

    func run() throws {
        let event = try parsed()
        let recorded: RecordedMaintenance
        do {
            recorded = try database.open().recordMaintenance(event, workId: id, today: .today())
        } catch StoreError.notFound(let kind, let id) {
            throw DataProblem(description: "no \(kind) with id \(id)")
        } catch let error as ModelError {
            throw DataProblem(description: "work \(id): \(error.description)")
        }
        print(
            "recorded maintenance of work \(id) on \(recorded.event.happenedOn): \(Money.format(recorded.event.costVND))"
        )
    }
}
