import ArgumentParser
import AtlasModel
import AtlasStore

struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or search administrative units (search ignores diacritics: \"Binh Gia\" finds \"Bình Gia\").",
        discussion: "--vintages lists the stored sets of units; --history CODE what a unit was formed from and became.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var unitsOption: UnitsOption
    @Option(help: "Only this kind: province, district or commune (default: district, or commune when the units have no districts).")
    var kind: String?
    @Option(help: "Search names, ignoring case and diacritics.") var search: String?
    @Flag(help: "List the vintages of units (first and last day, communes, districts).") var vintages = false
    @Option(help: "Show the successions of the unit with this code (formed from, became).") var history: String?

    func run() throws {
        let db = unitsOption.apply(to: try database.open())
        if vintages {
            let rows = try db.vintages().map {
                [$0.validFrom?.description ?? "-", $0.validTo?.description ?? "-", String($0.communes), String($0.districts)]
            }
            print(TextTable.render(header: ["valid_from", "valid_to", "communes", "districts"], rows: rows), terminator: "")
            return
        }
        if let history {
            let rows = try db.successions().filter { $0.oldCode == history || $0.newCode == history }.map {
                [$0.effectiveOn.description, $0.oldCode, $0.newCode, $0.relation.rawValue, $0.share.map { String($0) } ?? ""]
            }
            print(
                TextTable.render(header: ["effective_on", "old_code", "new_code", "relation", "share"], rows: rows),
                terminator: "")
            return
        }
        let units: [UnitSummary]
        if let search {
            units = try db.searchUnits(search)
        } else {
            let defaultKind: UnitKind = try db.units(kind: .district).isEmpty ? .commune : .district
            guard let k = kind.map({ UnitKind(rawValue: $0) }) ?? defaultKind, k != .village else {
                throw ValidationError("--kind must be province, district or commune")
            }
            units = try db.units(kind: k)
        }
        let rows = units.map { [$0.code, $0.kind, $0.type ?? "", $0.name, $0.parentCode ?? ""] }
        print(TextTable.render(header: ["code", "kind", "type", "name", "parent_code"], rows: rows), terminator: "")
    }
}

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every import with its attribution and notice.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let rows = try database.open().dataSources().map { item in
            [
                item.importedAt, item.source.kind, item.source.file, String(item.rowCount),
                item.source.attribution ?? "", item.source.notice ?? "",
            ]
        }
        print(
            TextTable.render(header: ["imported_at", "kind", "file", "rows", "attribution", "notice"], rows: rows),
            terminator: "")
    }
}
