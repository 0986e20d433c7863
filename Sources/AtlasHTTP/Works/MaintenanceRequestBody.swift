import AtlasGeoJSON
import AtlasModel

/// The body of `POST /api/works/{id}/maintenance`, read strictly:
/// `{"date": "YYYY-MM-DD", "cost_vnd": N, "source": …, "note": …}` (source and note optional).
enum MaintenanceRequestBody {
    static let members: Set<String> = ["date", "cost_vnd", "source", "note"]

    static func event(_ bytes: [UInt8]) throws -> MaintenanceEvent {
        guard !bytes.isEmpty else { throw Problem.invalidBody("the request needs a JSON body") }
        let parsed: JSONValue
        do { parsed = try StrictJSONParser().parse(bytes) } catch {
            throw Problem.invalidBody("the body is not valid JSON: \(error.description)")
        }
        guard case .object(let object) = parsed else {
            throw Problem.invalidBody(
                #"the body must be {"date": "YYYY-MM-DD", "cost_vnd": N, "source": …, "note": …}"#)
        }
        try object.requireOnly(members, in: "the body")
        guard let dateText = object["date"]?.stringValue else {
            throw invalid("date", object["date"]?.jsonText ?? "", "date is required (YYYY-MM-DD)")
        }
        guard case .integer(let cost)? = object["cost_vnd"] else {
            throw invalid(
                "cost_vnd", object["cost_vnd"]?.jsonText ?? "", "cost_vnd is required, in whole đồng as an integer")
        }
        do {
            return try MaintenanceEvent(
                happenedOn: try CalendarDate(iso: dateText, field: "date"), costVND: cost,
                source: try text("source", object).map { word throws(ModelError) in
                    try FundingSource.parse(word, field: "source")
                },
                note: try text("note", object))
        } catch let error as ModelError {
            throw refusal(error)
        }
    }

    /// A domain refusal (a bad value, a work not yet finished, a date out of range) as a 422.
    static func refusal(_ error: ModelError) -> Problem {
        invalid(error.field, error.value, error.description)
    }

    /// An optional string member (absent or null: nil).
    private static func text(_ name: String, _ object: JSONObject) throws -> String? {
        switch object[name] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw invalid(name, other.jsonText, "\(name) must be a string")
        }
    }

    private static func invalid(_ field: String, _ value: String, _ reason: String) -> Problem {
        .invalidData(
            "the maintenance was not recorded: \(reason)",
            errors: [.init(location: "body", field: field, value: String(value.prefix(200)), reason: reason)])
    }
}
