import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The OpenAPI 3.0 definition served at `/ogc/api`: every path of the server, self-contained
/// (only local `#/components/…` references).
enum OpenAPIDocument {
    static func make(serverURL: String) -> JSONValue {
        var paths = JSONObject()
        paths["/ogc"] = get("Landing page", tag: "Capabilities", schema: "LandingPage", parameters: ["f"])
        paths["/ogc/conformance"] = get(
            "Conformance classes", tag: "Capabilities", schema: "Conformance", parameters: ["f"])
        paths["/ogc/api"] = get(
            "This API definition", tag: "Capabilities", schema: nil, parameters: ["f"],
            mediaType: "application/vnd.oai.openapi+json;version=3.0")
        paths["/ogc/collections"] = get(
            "The feature collections", tag: "Capabilities", schema: "Collections", parameters: ["f"])
        for id in CollectionID.allCases {
            let base = "/ogc/collections/\(id.rawValue)"
            paths[base] = get(
                "Describe the \(id.rawValue) collection", tag: id.title, schema: "Collection", parameters: ["f"])
            paths[base + "/items"] = get(
                "Features of \(id.rawValue): \(id.description)", tag: id.title, schema: "FeatureCollection",
                parameters: id.itemsParameters.sorted(), mediaType: "application/geo+json")
            paths[base + "/items/{featureId}"] = get(
                "One feature of \(id.rawValue)", tag: id.title, schema: "Feature",
                parameters: ["featureId-" + id.rawValue] + id.itemParameters.sorted(),
                mediaType: "application/geo+json",
                notFound: true)
        }
        paths["/api/works"] = [
            "post": write("Register a work (editors within their unit)", body: "WorkFeature", created: true)
        ]
        var work =
            get(
                "One work: its works-layer Feature, with its maintenance events as the `maintenance` member",
                tag: "Officers", schema: "Feature", parameters: ["workId"], mediaType: "application/geo+json",
                notFound: true
            ).objectValue ?? [:]
        work["patch"] = write("Change a work's properties and/or geometry", body: "WorkPatch", path: true)
        paths["/api/works/{workId}"] = .object(work)
        paths["/api/works/place"] = [
            "post": write(
                "Where a work with this geometry would lie (commune, WGS84), by the import's checks; writes nothing",
                body: "PlaceInput", answer: ("Feature", "application/geo+json"))
        ]
        paths["/api/works/{workId}/status"] = [
            "post": write("Move a work to its next status", body: "StatusChange", path: true)
        ]
        paths["/api/works/{workId}/maintenance"] = [
            "post": write(
                "Record maintenance of a completed or handed-over work", body: "MaintenanceEventInput", path: true,
                created: true, answer: ("MaintenanceEvent", "application/json"))
        ]
        paths["/api/audit"] = [
            "get": [
                "summary": "The audit log, newest first (editors and admins)", "tags": ["Officers"],
                "security": [["bearer": []]],
                "parameters": [
                    ref("parameters", "work"), ref("parameters", "auditLimit"), ref("parameters", "offset"),
                ],
                "responses": responses(["200": ok("AuditLog", "application/json")], codes: ["400", "401", "403"]),
            ]
        ]
        paths["/api/units/vintages"] = get(
            "The vintages of administrative units (sets in force together), oldest first", tag: "Units",
            schema: "Vintages", parameters: [])
        paths["/api/units/{code}/history"] = get(
            "A unit's predecessors and successors, and its poverty rate every year on its own units", tag: "Units",
            schema: "UnitHistory", parameters: ["code", "units"], notFound: true)
        paths["/api/gaps"] = get(
            "The villages not served in one category: households, estimated poor households, nearest serving work",
            tag: "Map", schema: "FeatureCollection", parameters: ["gapsCategory", "units", "year"],
            mediaType: "application/geo+json")
        paths["/api/me"] = get(
            "Who the bearer token or session belongs to (without one: the viewer role), and a session's CSRF token",
            tag: "Officers", schema: nil, parameters: [])
        for (path, item) in officersPaths { paths[path] = item }
        paths["/login"] = [
            "get": [
                "summary": "The sign-in page", "tags": ["Officers"],
                "responses": ["200": ["description": "The form", "content": ["text/html": ["schema": ["type": "string"]]]]],
            ],
            "post": form(
                "Sign in: 303 to the map with the session cookie; a failure shows the form again (401)",
                fields: ["username", "password"], codes: ["401", "403", "415", "429"]),
        ]
        paths["/logout"] = [
            "post": form(
                "Sign out: ends the session (its CSRF token as X-CSRF-Token or csrf_token), 303 to /login",
                fields: ["csrf_token"], codes: ["403", "415"])
        ]
        paths["/health"] = get("Health of the server and its database", tag: "Site", schema: nil, parameters: [])
        paths["/config.json"] = get("Settings of the map page", tag: "Site", schema: nil, parameters: [])
        paths["/vocabulary.js"] = get(
            "The vocabularies with Vietnamese and English labels, as a script for the map page", tag: "Site",
            schema: nil,
            parameters: [])
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "WorksAtlas", "version": "0.1.0",
                "description":
                    "OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) over the works, communes and districts, and the officers' works API.",
            ],
            "servers": [["url": .string(serverURL)]],
            "paths": .object(paths),
            "components": [
                "parameters": .object(OpenAPIComponents.parameters), "schemas": .object(OpenAPIComponents.schemas),
                "responses": .object(OpenAPIComponents.problemResponses),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    static func ref(_ section: String, _ name: String) -> JSONValue {
        ["$ref": .string("#/components/\(section)/\(name)")]
    }

    static func ok(_ schema: String?, _ mediaType: String) -> JSONValue {
        var content = JSONObject()
        content[mediaType] = schema.map { ["schema": ref("schemas", $0)] } ?? ["schema": ["type": "object"]]
        return ["description": "Success", "content": .object(content)]
    }

    static func responses(_ success: JSONObject, codes: [String]) -> JSONValue {
        var all = success
        for code in codes + ["500"] { all[code] = ref("responses", "Problem\(code)") }
        return .object(all)
    }

    static func get(
        _ summary: String, tag: String, schema: String?, parameters: [String], mediaType: String = "application/json",
        notFound: Bool = false
    ) -> JSONValue {
        let codes = (parameters.isEmpty ? [] : ["400"]) + (notFound ? ["404"] : [])
        return [
            "get": [
                "summary": .string(summary), "tags": [.string(tag)],
                "parameters": .array(parameters.map { ref("parameters", $0) }),
                "responses": responses(["200": ok(schema, mediaType)], codes: codes),
            ]
        ]
    }

    /// A form post answered with a redirect (303).
    static func form(_ summary: String, fields: [String], codes: [String]) -> JSONValue {
        var properties = JSONObject()
        for field in fields { properties[field] = ["type": "string"] }
        return [
            "summary": .string(summary), "tags": ["Officers"],
            "requestBody": [
                "required": true,
                "content": [
                    "application/x-www-form-urlencoded": ["schema": ["type": "object", "properties": .object(properties)]]
                ],
            ],
            "responses": responses(["303": ["description": "Redirect"]], codes: codes),
        ]
    }

    static func write(
        _ summary: String, body: String, path: Bool = false, created: Bool = false,
        answer: (schema: String, mediaType: String) = ("Feature", "application/geo+json")
    ) -> JSONValue {
        var success = JSONObject()
        success[created ? "201" : "200"] = ok(answer.schema, answer.mediaType)
        return [
            "summary": .string(summary), "tags": ["Officers"], "security": [["bearer": []]],
            "parameters": path ? [ref("parameters", "workId")] : [],
            "requestBody": [
                "required": true, "content": ["application/json": ["schema": ref("schemas", body)]],
            ],
            "responses": responses(
                success, codes: ["400", "401", "403"] + (path ? ["404"] : ["409"]) + ["413", "422"]),
        ]
    }
}
