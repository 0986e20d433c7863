import AtlasGeoJSON
import AtlasImport
import AtlasModel
import Hummingbird

/// The bodies of the works API, read strictly: one GeoJSON Feature to register a work, a Feature
/// of changes to update one, `{"status", "date"}` to move one along its life.
enum WorkRequestBody {
    /// Derived properties of the works layer are accepted back (and ignored) so a client may send
    /// a Feature it read.
    static var knownFields: Set<String> { Set(Importer.workFieldNames) }

    /// The fields and geometry of a new work.
    static func create(_ bytes: [UInt8]) throws -> (fields: [String: JSONValue], geometry: Geometry) {
        let feature = try singleFeature(bytes)
        guard let geometry = feature.geometry else {
            throw Problem.invalidBody("a work needs a geometry", field: "geometry")
        }
        var fields = try properties(feature.properties)
        if let id = feature.id {
            if let given = fields["id"], given != .string(id) {
                throw invalid(
                    "id", given.stringValue ?? given.jsonText, "differs from the feature's top-level id \"\(id)\"")
            }
            fields["id"] = .string(id)
        }
        return (fields, geometry)
    }

    /// The changed fields (null clears one) and the new geometry, if any, of a work (both may be empty).
    static func update(_ bytes: [UInt8], id: String) throws -> (changes: [String: JSONValue], geometry: Geometry?) {
        guard case .object(let object) = try parse(bytes) else {
            throw Problem.invalidBody("the body must be a GeoJSON Feature: {\"properties\": {…}, \"geometry\": …}")
        }
        // `maintenance`, `caller_may_edit` and `funding` come back with a work this API answered;
        // events are recorded only through /maintenance, the funding is changed by its fields in
        // `properties`, so they are accepted and ignored here.
        try object.requireOnly(
            ["type", "id", "properties", "geometry", "maintenance", "caller_may_edit", "funding"], in: "the Feature")
        if let type = object["type"], type != "Feature" {
            throw Problem.invalidBody("type must be \"Feature\"", field: "type", value: type.jsonText)
        }
        if let given = object["id"], given != .string(id) {
            throw Problem.invalidBody(
                "the id of a work cannot change (path id \(id))", field: "id", value: given.jsonText)
        }
        var changes: [String: JSONValue] = [:]
        switch object["properties"] {
        case nil, .null?: break
        case .object(let members)?: changes = try properties(members)
        case let other?:
            throw Problem.invalidBody("properties must be an object", field: "properties", value: other.jsonText)
        }
        if let given = changes.removeValue(forKey: "id"), !given.isNull, given != .string(id) {
            throw invalid("id", given.stringValue ?? given.jsonText, "the id of a work cannot change (path id \(id))")
        }
        return (changes, try object["geometry"].flatMap(geometry(of:)))
    }

    /// Applies `changes` to a work's import fields: null removes a field; a `declared_commune_code`
    /// sets the declared commune (and a `commune_code` beside it is the derived one, ignored).
    static func apply(_ changes: [String: JSONValue], to base: [String: JSONValue]) -> [String: JSONValue] {
        var fields = base
        for (key, value) in changes where !WorkFieldNames.derived.contains(key) {
            var key = key
            if key == "commune_code" && changes["declared_commune_code"] != nil { continue }
            if key == "declared_commune_code" { key = "commune_code" }
            fields[key] = value.isNull ? nil : value
        }
        return fields
    }

    /// `{"status": …, "date": "YYYY-MM-DD"}`.
    static func status(_ bytes: [UInt8]) throws -> (status: WorkStatus, date: CalendarDate) {
        guard case .object(let object) = try parse(bytes) else {
            throw Problem.invalidBody("the body must be {\"status\": …, \"date\": \"YYYY-MM-DD\"}")
        }
        try object.requireOnly(["status", "date"], in: "the body")
        guard let status = object["status"]?.stringValue else {
            throw invalid("status", "", "status is required (allowed: \(WorkStatus.allowedList))")
        }
        guard let date = object["date"]?.stringValue else { throw invalid("date", "", "date is required (YYYY-MM-DD)") }
        return (try WorkStatus.parse(status, field: "status"), try CalendarDate(iso: date, field: "date"))
    }

    /// A GeoJSON geometry member, read as a Feature's would be (null: none).
    static func geometry(of member: JSONValue) throws -> Geometry? {
        guard !member.isNull else { return nil }
        let text = #"{"type":"Feature","properties":{},"geometry":"# + member.jsonText + "}"
        return try singleFeature(Array(text.utf8)).geometry
    }

    // MARK: Helpers

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        guard !bytes.isEmpty else { throw Problem.invalidBody("the request needs a JSON body") }
        do {
            return try StrictJSONParser().parse(bytes)
        } catch {
            throw Problem.invalidBody("the body is not valid JSON: \(error.description)")
        }
    }

    private static func singleFeature(_ bytes: [UInt8]) throws -> GeoJSONFeature {
        guard !bytes.isEmpty else { throw Problem.invalidBody("the request needs a GeoJSON Feature as its body") }
        let document: GeoJSONDocument
        do {
            document = try GeoJSONReader().read(bytes)
        } catch let error as GeoJSONReadError {
            throw Problem.invalidBody("the body is not a GeoJSON Feature: \(error.description)")
        }
        guard !document.summary.isFeatureCollection, let feature = document.features.first else {
            throw Problem.invalidBody("the body must be one GeoJSON Feature, not a FeatureCollection")
        }
        guard feature.isValid else {
            let field = feature.geometryError != nil ? "geometry" : "-"
            throw Problem.invalidBody(feature.problems.joined(separator: "; "), field: field)
        }
        return feature
    }

    /// Properties as fields; unknown names are refused (a typo must not be dropped silently).
    private static func properties(_ object: JSONObject) throws -> [String: JSONValue] {
        let known = knownFields
        let unknown = object.keys.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw Problem.invalidData(
                "unknown properties: \(unknown.joined(separator: ", "))",
                errors: unknown.map {
                    .init(
                        location: "properties", field: $0, value: object[$0]?.jsonText ?? "",
                        reason:
                            "unknown property (the works fields: id, name, programme, category, status, … — see /ogc/api, schema WorkFeature)"
                    )
                })
        }
        return object.dictionary
    }

    private static func invalid(_ field: String, _ value: String, _ reason: String) -> Problem {
        .invalidData(
            "the work was not saved: \(reason)",
            errors: [.init(location: "properties", field: field, value: value, reason: reason)])
    }
}
