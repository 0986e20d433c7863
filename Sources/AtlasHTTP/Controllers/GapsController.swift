import AtlasCoverage
import AtlasExport
import AtlasModel
import AtlasStore
import Hummingbird

/// `GET /api/gaps?category=road[&year=YYYY][&units=YYYY-MM-DD]`: the villages not served in one
/// category, as `gaps --format geojson` writes them (the same computation), for the map's gaps
/// layer. Public read, like the other map data.
struct GapsController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("gaps", use: gaps)
    }

    @Sendable func gaps(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["category", "year", "units"])
        guard let category = try query.vocabulary("category", WorkCategory.self) else {
            throw Problem.invalidParameter("category", "", "required: one of \(WorkCategory.allowedList)")
        }
        let year = try query.integer("year", in: 1900...2100)
        let units = try query.unitsDate()
        let database = environment.database.onUnits(units), rules = environment.options.rules
        let text = try await blocking {
            let report = try GapFinder(rules: rules).run(on: database, category: category, statsYear: year)
            return try GapsLayerExport.text(report, notice: try ExportNotice(title: "gaps", database: database))
        }
        return Response(
            status: .ok, headers: [.contentType: MediaTypes.geoJSON, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
