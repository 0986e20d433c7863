import AtlasModel
import Foundation

/// A provincial plan's budget envelope (`Data/plans/*.json`): million đồng for investment
/// (works) and recurrent spending (maintenance among it), over the plan's period.
public struct BudgetPlan: Sendable, Equatable {
    public var id: String
    public var title: Label
    public var from: CalendarDate
    public var to: CalendarDate
    public var investmentVND: Int64
    public var recurrentVND: Int64
    public var source: String

    /// The total as the plan states it. Plan 35/KH-UBND states 983,106 million đồng, while its
    /// parts add to 983,206: the report prints the stated total and says by how much the parts differ.
    public var totalVND: Int64
    /// investment + recurrent − the stated total (0 when the plan agrees with itself).
    public var partsExceedTotalBy: Int64 { investmentVND + recurrentVND - totalVND }

    /// Reads a plan file.
    public static func read(_ url: URL) throws -> BudgetPlan {
        let data = try Data(contentsOf: url)
        guard data.count <= 1 << 20 else { throw ReportError.plan(url.path, "larger than 1 MiB") }
        struct File: Decodable {
            struct Period: Decodable { let from: String, to: String }
            struct Budget: Decodable { let investment: Int64, recurrent: Int64, total: Int64 }
            let id: String, title: String, title_en: String, period: Period, budget_million_vnd: Budget, source: String
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw ReportError.plan(url.path, "not a plan file (\(error))")
        }
        let b = file.budget_million_vnd
        let million: Int64 = 1_000_000
        guard [b.investment, b.recurrent, b.total].allSatisfy({ $0 >= 0 && $0 <= Money.ceilingVND / million }) else {
            throw ReportError.plan(url.path, "budget figures must be between 0 and \(Money.ceilingVND / million) million đồng")
        }
        do {
            let plan = BudgetPlan(
                id: file.id, title: Label(file.title, file.title_en), from: try CalendarDate(iso: file.period.from),
                to: try CalendarDate(iso: file.period.to), investmentVND: b.investment * million,
                recurrentVND: b.recurrent * million, source: file.source, totalVND: b.total * million)
            guard plan.from <= plan.to else { throw ReportError.plan(url.path, "period ends before it starts") }
            return plan
        } catch let error as ModelError {
            throw ReportError.plan(url.path, "period: \(error)")
        }
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case plan(String, String)
    case noDistricts(String)
    case noCommunes(String)
    case period(String)

    public var description: String {
        switch self {
        case .plan(let path, let why): "plan file \(path): \(why)"
        case .noDistricts(let day): "the units of \(day) have no districts; group by commune, or give --units with a date before 2025-07-01"
        case .noCommunes(let day): "there are no communes on the units of \(day) (worksatlas import units)"
        case .period(let why): why
        }
    }
}
