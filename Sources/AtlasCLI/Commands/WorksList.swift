import ArgumentParser
import AtlasModel
import AtlasStore
import Foundation

struct WorksList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List works, filtered, as a table or CSV.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var units: UnitsOption
    @Option(help: "Only this programme: \(Programme.allowedList).") var programme: String?
    @Option(help: "Only this category: \(WorkCategory.allowedList).") var category: String?
    @Option(help: "Only this status: \(WorkStatus.allowedList).") var status: String?
    @Option(help: "Only works in this district (code).") var district: String?
    @Option(help: "Only works in this commune (code).") var commune: String?
    @Option(help: "Output format: table or csv.") var format: Format = .table

    func run() throws {
        var filter = WorkFilter(districtCode: district, communeCode: commune)
        do {
            filter.programme = try programme.map { try Programme.parse($0, field: "programme") }
            filter.category = try category.map { try WorkCategory.parse($0, field: "category") }
            filter.status = try status.map { try WorkStatus.parse($0, field: "status") }
        } catch let error as ModelError {
            throw ValidationError("\(error.field): \(error.description)")
        }
        let works = try units.apply(to: try database.open()).works(matching: filter)
        let header = [
            "id", "name", "programme", "category", "status", "commune_code", "district_code", "declared_commune_code",
            "surface", "length_m", "completed_on", "planned_vnd", "disbursed_vnd",
        ]
        let rows = works.map { s -> [String] in
            let w = s.work
            return [
                w.id, w.name, w.programme.rawValue, w.category.rawValue, w.status.rawValue, s.communeCode ?? "",
                s.districtCode ?? "", w.declaredCommuneCode ?? "", w.surface?.rawValue ?? "",
                s.lengthM.map { String(Int($0.rounded())) } ?? "", w.completedOn?.description ?? "",
                String(w.plannedVND), String(w.disbursedVND),
            ]
        }
        switch format {
        case .csv: print(CSVText.render(header: header, rows: rows), terminator: "")
        case .table:
            print(TextTable.render(header: header, rows: rows), terminator: "")
            Terminal.note("\(works.count) works")
        }
    }
}
