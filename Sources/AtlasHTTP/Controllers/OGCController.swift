import AtlasGeoJSON
import AtlasModel
import Hummingbird

/// OGC API – Features Part 1: landing page, conformance, the OpenAPI document and the collections.
struct OGCController: Sendable {
    let environment: ServerEnvironment

    static let conformanceClasses = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ]

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("", use: landing)
        routes.get("conformance", use: conformance)
        routes.get("api", use: api)
        routes.get("collections", use: list)
        routes.get("collections/:collectionId", use: get)
    }

    @Sendable func landing(_ request: Request, context: AtlasRequestContext) throws -> Response {
        try checkFormat(QueryParameters(request.uri.query, allowed: ["f"]))
        let links = LinkBuilder(options: environment.options)
        return .json([
            "title": "WorksAtlas",
            "description": "Poverty-reduction infrastructure works, communes and districts (OGC API – Features).",
            "links": [
                links.link("/ogc", rel: "self", type: MediaTypes.json, title: "This document"),
                links.link(
                    "/ogc/api", rel: "service-desc", type: MediaTypes.openAPI, title: "The API definition (OpenAPI 3.0)"
                ),
                links.link("/ogc/conformance", rel: "conformance", type: MediaTypes.json, title: "Conformance classes"),
                links.link("/ogc/collections", rel: "data", type: MediaTypes.json, title: "The feature collections"),
            ],
        ])
    }

    @Sendable func conformance(_ request: Request, context: AtlasRequestContext) throws -> Response {
        try checkFormat(QueryParameters(request.uri.query, allowed: ["f"]))
        return .json(["conformsTo": .array(Self.conformanceClasses.map(JSONValue.string))])
    }

    @Sendable func api(_ request: Request, context: AtlasRequestContext) throws -> Response {
        try checkFormat(QueryParameters(request.uri.query, allowed: ["f"]))
        let links = LinkBuilder(options: environment.options)
        return .json(
            OpenAPIDocument.make(serverURL: links.base.isEmpty ? "/" : links.base), contentType: MediaTypes.openAPI)
    }

    @Sendable func list(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        try checkFormat(QueryParameters(request.uri.query, allowed: ["f"]))
        let links = LinkBuilder(options: environment.options)
        let summary = try await environment.layers.layerSummary()
        return .json([
            "links": [
                links.link("/ogc/collections", rel: "self", type: MediaTypes.json, title: "The feature collections")
            ],
            "collections": .array(listed(summary).map { describe($0, summary: summary, links: links) }),
        ])
    }

    @Sendable func get(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        try checkFormat(QueryParameters(request.uri.query, allowed: ["f"]))
        let id = try CollectionID(path: context.parameters.get("collectionId") ?? "")
        let links = LinkBuilder(options: environment.options)
        return .json(describe(id, summary: try await environment.layers.layerSummary(), links: links))
    }

    /// Every collection, but districts only while the latest units have them (Lạng Sơn's were
    /// abolished on 2025-07-01); `/collections/districts/items?units=…` still serves older ones.
    func listed(_ summary: LayerSummary) -> [CollectionID] {
        CollectionID.allCases.filter { $0 != .districts || summary.extents[.districts] != nil }
    }

    func describe(_ id: CollectionID, summary: LayerSummary, links: LinkBuilder) -> JSONValue {
        let path = "/ogc/collections/\(id.rawValue)"
        var extent = JSONObject()
        if let box = summary.extents[id.isWorks ? .works : id] {
            extent["spatial"] = [
                "bbox": [[.double(box.minX), .double(box.minY), .double(box.maxX), .double(box.maxY)]],
                "crs": .string(CRS.crs84),
            ]
        }
        if id.isWorks, summary.completion.first != nil || summary.completion.last != nil {
            let ends: [JSONValue] = [summary.completion.first, summary.completion.last].map { day in
                day.map { .string($0 + "T00:00:00Z") } ?? .null
            }
            extent["temporal"] = ["interval": [.array(ends)], "trs": .string(CRS.gregorian)]
        }
        var description: JSONObject = [
            "id": .string(id.rawValue), "title": .string(id.title), "description": .string(id.description),
            "itemType": "feature", "crs": .array(FeatureCRS.supportedURIs), "storageCrs": .string(CRS.crs84),
            "geometryFormat": .string(id.geometryFormat),
        ]
        if !extent.isEmpty { description["extent"] = .object(extent) }
        description["links"] = [
            links.link(path, rel: "self", type: MediaTypes.json, title: id.title),
            links.link(path + "/items", rel: "items", type: MediaTypes.geoJSON, title: "\(id.title) (GeoJSON)"),
        ]
        return .object(description)
    }
}
