import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The body of `POST /api/works/place`, read strictly: `{"geometry": …, "srid": N,
/// "commune_code": …}` — a GeoJSON geometry whose positions are in `srid` (default 4326; the
/// VN-2000 zones 9205–9218 give easting, northing), and the commune a form declares, if any.
enum PlaceRequestBody {
    static let members: Set<String> = ["geometry", "srid", "commune_code"]

    static func read(_ bytes: [UInt8]) throws -> (geometry: Geometry, srid: Int32, declared: String?) {
        guard case .object(let object) = try WorkRequestBody.parse(bytes) else {
            throw Problem.invalidBody(#"the body must be {"geometry": …, "srid": N, "commune_code": …}"#)
        }
        try object.requireOnly(members, in: "the body")
        guard let member = object["geometry"], let geometry = try WorkRequestBody.geometry(of: member) else {
            throw Problem.invalidBody("a work needs a geometry", field: "geometry")
        }
        var srid = SpatialReference.wgs84
        switch object["srid"] {
        case nil, .null?: break
        case .integer(let n)? where SpatialReference.acceptedInput.contains(Int32(clamping: n)):
            srid = Int32(n)
        case let other?:
            let allowed = SpatialReference.acceptedInput.map(String.init).joined(separator: ", ")
            throw Problem.invalidData(
                "the srid is not accepted",
                errors: [.init(location: "body", field: "srid", value: other.jsonText, reason: "allowed: \(allowed)")])
        }
        switch object["commune_code"] {
        case nil, .null?: return (geometry, srid, nil)
        case .string(let code)?: return (geometry, srid, code.isEmpty ? nil : code)
        case let other?:
            throw Problem.invalidBody("commune_code must be a string", field: "commune_code", value: other.jsonText)
        }
    }
}
