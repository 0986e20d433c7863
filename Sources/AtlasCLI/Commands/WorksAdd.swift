import ArgumentParser
import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation

struct WorksAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register one work, with the same checks as an import.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Stable id of the work, e.g. LS-0412.") var id: String
    @Option(help: "Name of the work.") var name: String
    @Option(help: "Programme: \(Programme.allowedList).") var programme: String
    @Option(help: "Category: \(WorkCategory.allowedList).") var category: String
    @Option(help: "Status: \(WorkStatus.allowedList).") var status: String = "proposed"
    @Option(help: "Location as LON,LAT (in --srid units; easting,northing for projected systems).") var point: String?
    @Option(help: "Location as WKT, e.g. \"LINESTRING(106.70 21.85, 106.71 21.86)\".") var wkt: String?
    @OptionGroup var srid: SRIDOption
    @Option(help: "Road surface: \(RoadSurface.allowedList).") var surface: String?
    @Option(name: .customLong("road-class"), help: "Road class: \(RoadClass.allowedList).") var roadClass: String?
    @Option(name: .customLong("commune-code"), help: "Declared commune code (checked against the geometry).")
    var communeCode: String?
    @Option(help: "Location quality: \(Exactness.allowedList).") var exactness: String?
    @Option(name: .customLong("accuracy-m"), help: "GPS accuracy in metres.") var accuracyM: Double?
    @Option(name: .customLong("villages-served"), help: "Village codes served, separated by ';'.")
    var villagesServed: String?
    @Option(name: .customLong("approved-on"), help: "Approval date, YYYY-MM-DD.") var approvedOn: String?
    @Option(name: .customLong("started-on"), help: "Construction start date, YYYY-MM-DD.") var startedOn: String?
    @Option(name: .customLong("completed-on"), help: "Completion date, YYYY-MM-DD.") var completedOn: String?
    @Option(help: "Investor: \(Investor.allowedList).") var investor: String?
    @Option(name: .customLong("planned-vnd"), help: "Planned investment in whole đồng.") var plannedVND: String?
    @Option(name: .customLong("disbursed-vnd"), help: "Disbursed investment in whole đồng.") var disbursedVND: String?

    func validate() throws {
        if (point == nil) == (wkt == nil) {
            throw ValidationError("give the location with exactly one of --point or --wkt")
        }
    }

    func run() throws {
        let db = try database.open()
        let geometry = try location(db)
        var fields: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "programme": .string(programme),
            "category": .string(category), "status": .string(status),
        ]
        let optional: [(String, String?)] = [
            ("surface", surface), ("road_class", roadClass), ("commune_code", communeCode),
            ("exactness", exactness), ("villages_served", villagesServed), ("approved_on", approvedOn),
            ("started_on", startedOn), ("completed_on", completedOn), ("investor", investor),
            ("planned_vnd", plannedVND), ("disbursed_vnd", disbursedVND),
        ]
        for (key, value) in optional { if let value { fields[key] = .string(value) } }
        if let accuracyM { fields["accuracy_m"] = .double(accuracyM) }
        let stored = try Importer(database: db).addWork(fields: fields, geometry: geometry, srid: srid.srid)
        print("registered work \(stored.work.id) in commune \(stored.communeCode ?? "none")")
        if stored.communeDisagrees {
            Terminal.note(
                "warning: declared commune \(stored.work.declaredCommuneCode ?? "") disagrees with the geometry (\(stored.communeCode ?? "none")); kept as declared and flagged"
            )
        }
    }

    private func location(_ db: AppDatabase) throws -> Geometry {
        if let point {
            let parts = point.split(separator: ",").map { NumberText.decimal($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
                throw ValidationError("--point must be LON,LAT with two finite numbers, got \"\(point)\"")
            }
            return .point(Position(x: x, y: y))
        }
        guard let wkt, let geometry = try db.geometry(fromWKT: wkt) else {
            throw ValidationError("--wkt is not valid WKT: \"\(wkt ?? "")\"")
        }
        return geometry
    }
}
