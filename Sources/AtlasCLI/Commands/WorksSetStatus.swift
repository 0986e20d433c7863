import ArgumentParser
import AtlasExport
import AtlasModel
import AtlasStore

struct WorksSetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Move a work to its next status (legal transitions only), recording the date.",
        discussion:
            "proposed → approved → under_construction → completed → handed_over; cancelled from any state before completed."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The work id.") var id: String
    @Argument(help: "The new status: \(WorkStatus.allowedList).") var status: String
    @Option(help: "Date of the change, YYYY-MM-DD.") var date: String

    // Checked here, not in run(), so a bad value prints this command's usage, not the top level's.
    func validate() throws { _ = try parsed() }

    private func parsed() throws -> (WorkStatus, CalendarDate) {
        let newStatus: WorkStatus
        do { newStatus = try WorkStatus.parse(status, field: "status") } catch {
            throw ValidationError("status: \(error.description)")
        }
        // The date said back with the reason: "--date 2021-13-01: not a calendar date; e.g. …".
        guard let day = try parseDateOption(date, name: "--date") else { throw ValidationError("--date is required") }
        return (newStatus, day)
    }

    func run() throws {
        let (newStatus, day) = try parsed()
        do {
            try database.open().setStatus(workId: id, to: newStatus, on: day)
        } catch StoreError.notFound(let kind, let id) {
            throw DataProblem(description: "no \(kind) with id \(id)")
        } catch let error as ModelError {
            throw DataProblem(description: "work \(id): \(error.description)")
        }
        print("work \(id) is now \(newStatus.rawValue) (since \(day))")
    }
}
