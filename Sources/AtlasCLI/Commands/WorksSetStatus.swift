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
        do {
            return (try WorkStatus.parse(status, field: "status"), try CalendarDate(iso: date, field: "--date"))
        } catch {
            throw ValidationError("\(error.field): \(error.description)")
        }
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
