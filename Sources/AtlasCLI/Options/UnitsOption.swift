import ArgumentParser
import AtlasModel
import AtlasStore

/// `--units DATE`: read every figure on the units in force on that date (default: the latest).
struct UnitsOption: ParsableArguments {
    @Option(
        name: .customLong("units"),
        help: "Đơn vị hành chính có hiệu lực ngày này / Use the units in force on this date (YYYY-MM-DD; default: the latest).")
    var text: String?

    var date: CalendarDate? { text.flatMap { try? CalendarDate(iso: $0) } }

    func validate() throws {
        guard let text else { return }
        do { _ = try CalendarDate(iso: text, field: "--units") } catch {
            throw ValidationError("--units \(text): \(error.description); e.g. --units 2025-07-01")
        }
    }

    /// The store seeing these units.
    func apply(to database: AppDatabase) -> AppDatabase { database.onUnits(date) }
}

/// A date option of an import (`--valid-from`, `--valid-to`).
func parseDateOption(_ text: String?, name: String) throws -> CalendarDate? {
    guard let text else { return nil }
    do { return try CalendarDate(iso: text, field: name) } catch {
        throw ValidationError("\(name) \(text): \(error.description); e.g. \(name) 2025-07-01")
    }
}
