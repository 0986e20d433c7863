import ArgumentParser
import AtlasModel
import AtlasStore

struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or search administrative units (search ignores diacritics: \"Binh Gia\" finds \"Bình Gia\").")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this kind: province, district or commune.") var kind: String = "district"
    @Option(help: "Search names, ignoring case and diacritics.") var search: String?

    func run() throws {
        let db = try database.open()
        let units: [UnitSummary]
        if let search {
            units = try db.searchUnits(search)
        } else {
            guard let k = UnitKind(rawValue: kind), k != .village else {
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
