import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation
import Hummingbird

/// `/ogc/collections/{id}/items` (paged, filtered, streamed) and `/items/{featureId}`.
struct ItemsController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("collections/:collectionId/items", use: list)
        routes.get("collections/:collectionId/items/:featureId", use: get)
    }

    @Sendable func list(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let collection = try CollectionID(path: context.parameters.get("collectionId") ?? "")
        let query = try QueryParameters(request.uri.query, allowed: collection.itemsParameters)
        try checkFormat(query)
        let limit = try query.limit(), offset = try query.offset()
        let projection = try FeatureProjection(try query.crs("crs"))
        let page = try await self.page(collection, query: query)
        let (candidates, total) = try await page.ids(limit + 1, offset)
        let more = candidates.count > limit
        let ids = Array(candidates.prefix(limit))
        let matched: Int
        if let total {
            matched = total
        } else {
            matched = offset == 0 && !more ? ids.count : try await page.count()
        }

        let links = LinkBuilder(options: environment.options)
        let path = "/ogc/collections/\(collection.rawValue)/items"
        let kept = query.values.filter { $0.key != "limit" && $0.key != "offset" }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
        func pageLink(_ rel: String, _ title: String, _ start: Int) -> JSONValue {
            links.link(
                path, rel: rel, type: MediaTypes.geoJSON, title: title,
                query: kept + [("limit", String(limit)), ("offset", String(start))])
        }
        var pageLinks = [pageLink("self", "This page", offset)]
        if more { pageLinks.append(pageLink("next", "Next page", offset + limit)) }
        if offset > 0 { pageLinks.append(pageLink("prev", "Previous page", max(0, offset - limit))) }
        pageLinks.append(
            links.link(
                "/ogc/collections/\(collection.rawValue)", rel: "collection", type: MediaTypes.json,
                title: collection.title))
        let members: JSONObject = [
            "numberMatched": .integer(Int64(matched)), "numberReturned": .integer(Int64(ids.count)),
            "timeStamp": .string(Self.timeStamp()), "links": .array(pageLinks),
        ]
        return Response(
            status: .ok, headers: Self.headers(projection.crs),
            body: FeatureStream.body(
                members: members, ids: ids, options: try projection.crs.writeOptions,
                fetch: { ids in try await page.fetch(ids).map(projection.project) }))
    }

    @Sendable func get(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let collection = try CollectionID(path: context.parameters.get("collectionId") ?? "")
        let query = try QueryParameters(request.uri.query, allowed: collection.itemParameters)
        try checkFormat(query)
        let raw = context.parameters.get("featureId") ?? ""
        guard let id = raw.removingPercentEncoding, collection.isWellFormed(featureId: id) else {
            let expected = collection.isWorks ? "a work id of 1 to 64 characters" : "a code of 1 to 12 digits"
            throw Problem.invalidParameter("featureId", raw, "expected \(expected)", location: "path")
        }
        let projection = try FeatureProjection(try query.crs("crs"))
        let page = try await self.page(collection, query: query)
        guard
            let record = try await page.fetch([id]).first(where: {
                $0.id == id && collection.holds(dimension: $0.geometry?.dimension)
            }).map(projection.project)
        else {
            throw Problem.notFound("no feature \(id) in collection \(collection.rawValue)")
        }
        let links = LinkBuilder(options: environment.options)
        let base = "/ogc/collections/\(collection.rawValue)"
        let text = try FeatureStream.featureText(
            record,
            members: [
                "links": [
                    links.link(
                        base + "/items/" + LinkBuilder.encode(id), rel: "self", type: MediaTypes.geoJSON,
                        title: "This feature"),
                    links.link(base, rel: "collection", type: MediaTypes.json, title: collection.title),
                ]
            ], options: try projection.crs.writeOptions)
        return Response(
            status: .ok, headers: Self.headers(projection.crs),
            body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// How to list the ids of a page (limit, offset), count all matches, and fetch features by id.
    struct Page: Sendable {
        /// Ids of a page and, when the query counts them in the same scan, the number of all matches.
        var ids: @Sendable (Int, Int) async throws -> (ids: [String], total: Int?)
        var count: @Sendable () async throws -> Int
        var fetch: @Sendable ([String]) async throws -> [FeatureRecord]
    }

    func page(_ collection: CollectionID, query: QueryParameters) async throws -> Page {
        let units = try query.unitsDate()
        let database = environment.database.onUnits(units)
        let bbox = try query.bbox(crs: try query.crs("bbox-crs"))
        switch collection {
        case .works, .worksPoints, .worksLines, .worksPolygons:
            var filter = WorkFeatureFilter()
            filter.bbox = bbox
            filter.geometryDimension = collection.workGeometryDimension
            filter.programme = try query.vocabulary("programme", Programme.self)
            filter.category = try query.vocabulary("category", WorkCategory.self)
            filter.status = try query.vocabulary("status", WorkStatus.self)
            filter.districtCode = try query.code("district")
            if let (from, to) = try query.datetime() {
                filter.requiresCompletion = true
                (filter.completedFrom, filter.completedTo) = (from, to)
            }
            let finalFilter = filter
            return Page(
                ids: { try await database.workIDs(matching: finalFilter, limit: $0, offset: $1) },
                count: { try await database.workCount(matching: finalFilter) },
                fetch: { [environment] ids in
                    let stamp = try await database.changeStamp()
                    return try await environment.workRecords.records(ids, units: units, stamp: stamp) { missing in
                        try await database.featureWorks(ids: missing).map(WorkJSON.record)
                    }
                })
        case .communes, .districts:
            let kind: UnitKind = collection == .communes ? .commune : .district
            let properties: [String: JSONObject]
            if collection == .communes {
                let year: Int
                if let given = try query.integer("year", in: 1900...2100) {
                    year = given
                } else {
                    year = try await environment.layers.layerSummary().defaultYear
                }
                properties = try await environment.layers.communeProperties(year: year, units: units)
            } else {
                properties = try await environment.layers.districtProperties(units: units)
            }
            let filter = UnitFeatureFilter(
                kind: kind, bbox: bbox, parentCode: collection == .communes ? try query.code("district") : nil)
            return Page(
                ids: { (try await database.unitCodes(matching: filter, limit: $0, offset: $1), nil) },
                count: { try await database.unitCount(matching: filter) },
                fetch: { codes in
                    try await database.unitFeatures(codes: codes).compactMap { unit in
                        properties[unit.code].map {
                            FeatureRecord(id: unit.code, properties: $0, geometry: unit.geometry.simplestForm)
                        }
                    }
                })
        }
    }

    /// GeoJSON, and the CRS of its coordinates (Part 2: on every features response).
    static func headers(_ crs: FeatureCRS) -> HTTPFields {
        [.contentType: MediaTypes.geoJSON, .contentCrs: crs.contentCrsHeader]
    }

    static func timeStamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
