import AtlasGeoJSON

/// The routes of the officers' pages beside the map: uploading a works file and managing users.
extension OpenAPIDocument {
    static var officersPaths: JSONObject {
        func query(_ name: String, _ description: String, required: Bool = false) -> JSONValue {
            [
                "name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
                "schema": ["type": "string"],
            ]
        }
        let userName: JSONValue = [
            "name": "name", "in": "path", "required": true, "description": "The user name",
            "schema": ["type": "string", "maxLength": 64],
        ]
        let json: JSONValue = ["application/json": ["schema": ["type": "object"]]]
        func operation(
            _ summary: String, parameters: [JSONValue] = [], body: JSONValue? = nil, success: String = "200",
            codes: [String]
        ) -> JSONValue {
            var op: JSONObject = [
                "summary": .string(summary), "tags": ["Officers"], "security": [["bearer": []]],
                "parameters": .array(parameters),
                "responses": responses([success: ok(nil, "application/json")], codes: codes),
            ]
            if let body { op["requestBody"] = ["required": true, "content": body] }
            return .object(op)
        }
        var paths = JSONObject()
        paths["/api/imports/works"] = [
            "post": operation(
                "Check (dry_run=true) or import a works file sent as raw bytes, as `import works` reads it (editors within their unit)",
                parameters: [
                    query("filename", "The file's name; its extension says the format", required: true),
                    query("sheet", "The workbook sheet or GIS layer to read"),
                    query("dry_run", "true: write nothing, answer what the import would do"),
                ],
                body: ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]],
                codes: ["400", "401", "403", "413", "415", "422"])
        ]
        paths["/api/admin/users"] = [
            "get": operation("Every user with role, unit and sign-in facts (admins)", codes: ["401", "403"]),
            "post": operation(
                "Add a user with an initial password (admins)", body: json, success: "201",
                codes: ["400", "401", "403", "413", "415", "422"]),
        ]
        paths["/api/admin/users/{name}/password"] = [
            "post": operation(
                "Set a user's password, ending their sessions (admins)", parameters: [userName], body: json,
                codes: ["400", "401", "403", "404", "413", "415"])
        ]
        paths["/api/admin/users/{name}/sessions"] = [
            "delete": operation(
                "End every session of a user (admins)", parameters: [userName], codes: ["400", "401", "403", "404"])
        ]
        return paths
    }
}
