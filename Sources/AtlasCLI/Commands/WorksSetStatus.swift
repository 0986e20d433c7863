import ArgumentParser
import AtlasModel
import AtlasStore

struct WorksSetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Move a work to its next status (legal transitions only), recording the date.",
        discussion: "proposed → approved → under_construction → completed → handed_over; cancelled from any state before completed.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The work id.") var id: String
    @Argument(help: "The new status: \(WorkStatus.allowedList).") var status: String
    @Option(help: "Date of the change, YYYY-MM-DD.") var date: String

    func run() throws {
        let newStatus: WorkStatus
        let day: CalendarDate
        do {
            newStatus = try WorkStatus.parse(status, field: "status")
            day = try CalendarDate(iso: date, field: "--date")
        } catch {
            throw ValidationError("\(error.field): \(error.description)")
        }
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
