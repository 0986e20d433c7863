import AtlasExport
import AtlasGeoJSON
import AtlasImport
import Hummingbird
import NIOCore

/// `POST /api/works/place`: where a work with this geometry would lie, checked by the importer's
/// own rules (shape, inside the province, valid polygons, the derived commune) and writing
/// nothing. The officers' form shows the commune before saving and turns VN-2000 X/Y into the
/// WGS84 positions it then sends. Answered as a Feature (id "place") whose properties are the
/// derived `commune_code`, the `declared_commune_code` given, `commune_disagrees` (as `check`
/// reports it) and `length_m` for lines; a refused geometry is a 422 naming the field "geometry".
struct PlacementController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.post("works/place", use: place)
    }

    @Sendable func place(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        // Only those who may register works place them: it costs a validator per request.
        _ = try context.identity.require(.editors, to: "place works")
        _ = try QueryParameters(request.uri.query, allowed: [])
        var request = request
        let bytes = Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        let (geometry, srid, declared) = try PlaceRequestBody.read(bytes)
        let database = environment.database
        let placement = try await blocking { try Importer(database: database).placedGeometry(geometry, srid: srid) }
        let properties: JSONObject = [
            "commune_code": placement.communeCode.map(JSONValue.string) ?? .null,
            "declared_commune_code": declared.map(JSONValue.string) ?? .null,
            "commune_disagrees": .bool(declared != nil && declared != placement.communeCode),
            "length_m": placement.lengthM.map { .double(($0 * 10).rounded() / 10) } ?? .null,
        ]
        let text = try FeatureText.feature(id: "place", properties: properties, geometry: placement.wgs84) + "\n"
        return Response(
            status: .ok, headers: [.contentType: MediaTypes.geoJSON, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
