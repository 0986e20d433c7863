import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The reusable parameters, schemas and problem responses of ``OpenAPIDocument``.
enum OpenAPIComponents {
    static func query(_ name: String, _ description: String, _ schema: JSONValue, style: Bool = false) -> JSONValue {
        var p: JSONObject = [
            "name": .string(name), "in": "query", "required": false, "description": .string(description),
            "schema": schema,
        ]
        if style {
            p["style"] = "form"
            p["explode"] = false
        }
        return .object(p)
    }

    static func enumeration<T: AtlasVocabulary>(_: T.Type) -> JSONValue where T.RawValue == String {
        ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
    }

    static let code: JSONValue = ["type": "string", "pattern": "^[0-9]{1,12}$"]
    /// 1 to 64 characters, no control characters.
    static let workId: JSONValue = ["type": "string", "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F]{1,64}$"]
    static let date: JSONValue = [
        "type": "string", "format": "date", "pattern": "^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    ]

    static var parameters: JSONObject {
        var p: JSONObject = [
            "f": query("f", "Output format (JSON only).", ["type": "string", "enum": ["json", "geojson"]]),
            "limit": query(
                "limit", "Features per page (default 100; values above 10,000 are clamped to 10,000).",
                ["type": "integer", "minimum": 1, "default": 100]),
            "auditLimit": query(
                "limit", "Entries per page (default 100; values above 1,000 are clamped to 1,000).",
                ["type": "integer", "minimum": 1, "default": 100]),
            "offset": query(
                "offset", "Features to skip (paging; follow the next link).",
                ["type": "integer", "minimum": 0, "maximum": 1_000_000_000, "default": 0]),
            "crs": query(
                "crs",
                "CRS of the output coordinates (OGC API – Features Part 2), in its own axis order; default CRS84.",
                ["type": "string", "format": "uri", "enum": .array(FeatureCRS.supportedURIs)]),
            "bbox-crs": query(
                "bbox-crs", "CRS of bbox, in its own axis order; default CRS84.",
                ["type": "string", "format": "uri", "enum": .array(FeatureCRS.supportedURIs)]),
            "bbox": query(
                "bbox",
                "minLon,minLat,maxLon,maxLat in CRS84 (or in the axis order of bbox-crs): features intersecting the box (min ≤ max).",
                [
                    "type": "array", "minItems": 4, "maxItems": 4,
                    "items": ["type": "number"],
                ],
                style: true),
            "datetime": query(
                "datetime",
                "Completion date: an RFC 3339 date or date-time, or an interval start/end with .. for an open end.",
                [
                    "type": "string", "minLength": 1,
                    "pattern":
                        #"^(\.\.|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|z|[+-][0-9]{2}:[0-9]{2}))?)?(/(\.\.|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"#,
                ]),
            "programme": query("programme", "Only works of this programme.", enumeration(Programme.self)),
            "category": query("category", "Only works of this category.", enumeration(WorkCategory.self)),
            "status": query("status", "Only works in this status.", enumeration(WorkStatus.self)),
            "district": query("district", "Only features in this district (code).", code),
            "units": query(
                "units", "The units in force on this date (YYYY-MM-DD, default: the latest vintage).",
                ["type": "string", "format": "date"]),
            "year": query(
                "year", "Statistics year of the commune properties (default: the latest).",
                ["type": "integer", "minimum": 1900, "maximum": 2100]),
            "gapsCategory": [
                "name": "category", "in": "query", "required": true,
                "description": "The work category whose unserved villages are listed.",
                "schema": enumeration(WorkCategory.self),
            ],
            "work": query("work", "Only entries of this work.", workId),
            "workId": ["name": "workId", "in": "path", "required": true, "schema": workId],
            "code": [
                "name": "code", "in": "path", "required": true, "description": "Unit code", "schema": code,
            ],
        ]
        for id in CollectionID.allCases {
            let schema: JSONValue = id.isWorks ? workId : code
            p["featureId-" + id.rawValue] = [
                "name": "featureId", "in": "path", "required": true, "description": "Feature id", "schema": schema,
            ]
        }
        return p
    }

    static let link: JSONValue = [
        "type": "object", "required": ["href", "rel"],
        "properties": [
            "href": ["type": "string"], "rel": ["type": "string"], "type": ["type": "string"],
            "title": ["type": "string"],
        ],
    ]

    static let geometry: JSONValue = [
        "type": "object", "required": ["type", "coordinates"],
        "properties": [
            "type": [
                "type": "string",
                "enum": ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"],
            ],
            "coordinates": ["type": "array", "items": [:]],
        ],
    ]

    static let nullableGeometry: JSONValue = ["allOf": [["$ref": "#/components/schemas/Geometry"]], "nullable": true]

    /// The works fields (SPEC §5) and the output-only ones accepted back; nothing else.
    static var workFields: JSONValue {
        var fields = JSONObject()
        for name in WorkRequestBody.knownFields.sorted() { fields[name] = [:] }
        return ["type": "object", "additionalProperties": false, "properties": .object(fields)]
    }

    static var schemas: JSONObject {
        [
            "Link": link,
            "Geometry": geometry,
            "LandingPage": [
                "type": "object", "required": ["links"],
                "properties": [
                    "title": ["type": "string"], "description": ["type": "string"],
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/Link"]],
                ],
            ],
            "Conformance": [
                "type": "object", "required": ["conformsTo"],
                "properties": ["conformsTo": ["type": "array", "items": ["type": "string"]]],
            ],
            "Collection": [
                "type": "object", "required": ["id", "links"],
                "properties": [
                    "id": ["type": "string"], "title": ["type": "string"], "description": ["type": "string"],
                    "itemType": ["type": "string"], "crs": ["type": "array", "items": ["type": "string"]],
                    "extent": ["type": "object"],
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/Link"]],
                ],
            ],
            "Collections": [
                "type": "object", "required": ["links", "collections"],
                "properties": [
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/Link"]],
                    "collections": ["type": "array", "items": ["$ref": "#/components/schemas/Collection"]],
                ],
            ],
            "Feature": [
                "type": "object", "required": ["type", "properties", "geometry"],
                "properties": [
                    "type": ["type": "string", "enum": ["Feature"]], "id": ["type": "string"],
                    "properties": ["type": "object"], "geometry": nullableGeometry,
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/Link"]],
                ],
            ],
            "FeatureCollection": [
                "type": "object", "required": ["type", "features"],
                "properties": [
                    "type": ["type": "string", "enum": ["FeatureCollection"]],
                    "features": ["type": "array", "items": ["$ref": "#/components/schemas/Feature"]],
                    "numberMatched": ["type": "integer", "minimum": 0],
                    "numberReturned": ["type": "integer", "minimum": 0],
                    "timeStamp": ["type": "string", "format": "date-time"],
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/Link"]],
                ],
            ],
            "WorkFeature": [
                "type": "object", "required": ["type", "properties", "geometry"],
                "description":
                    "A GeoJSON Feature whose properties are the fields of a works import (README, Works), listed in `properties`; the derived district_code, commune_disagrees and length_m are accepted back and ignored.",
                "properties": [
                    "type": ["type": "string", "enum": ["Feature"]], "id": ["type": "string"], "properties": workFields,
                    "geometry": ["$ref": "#/components/schemas/Geometry"],
                ],
            ],
            "WorkPatch": [
                "type": "object", "additionalProperties": false,
                "description": "The properties to change (null clears one) and/or a new geometry.",
                "properties": [
                    "type": ["type": "string", "enum": ["Feature"]], "properties": workFields,
                    "geometry": nullableGeometry,
                ],
            ],
            "StatusChange": [
                "type": "object", "additionalProperties": false, "required": ["status", "date"],
                "properties": ["status": enumeration(WorkStatus.self), "date": date],
            ],
            "PlaceInput": [
                "type": "object", "additionalProperties": false, "required": ["geometry"],
                "description": "A GeoJSON geometry in `srid` (default 4326; projected: easting first), a commune.",
                "properties": [
                    "geometry": ["type": "object"],
                    "srid": [
                        "type": "integer", "enum": .array(SpatialReference.acceptedInput.map { .integer(Int64($0)) }),
                    ],
                    "commune_code": ["type": "string", "nullable": true],
                ],
            ],
            "MaintenanceEventInput": [
                "type": "object", "additionalProperties": false, "required": ["date", "cost_vnd"],
                "description":
                    "The date lies between the work's completion and today; the work is completed or handed_over.",
                "properties": [
                    "date": date, "cost_vnd": ["type": "integer", "minimum": 0, "maximum": .integer(Money.ceilingVND)],
                    "source": enumeration(FundingSource.self),
                    "note": ["type": "string", "maxLength": .integer(Int64(MaintenanceEvent.noteLimit))],
                ],
            ],
            "MaintenanceEvent": [
                "type": "object", "required": ["id", "work_id", "date", "cost_vnd", "source", "note"],
                "properties": [
                    "id": ["type": "integer"], "work_id": ["type": "string"], "date": date,
                    "cost_vnd": ["type": "integer"], "source": ["type": "string", "nullable": true],
                    "note": ["type": "string", "nullable": true],
                ],
            ],
            "AuditLog": [
                "type": "object", "required": ["entries"],
                "properties": ["entries": ["type": "array", "items": ["type": "object"]]],
            ],
            "Vintages": [
                "type": "object", "required": ["vintages"],
                "properties": [
                    "province": [
                        "type": "object", "nullable": true,
                        "properties": ["code": ["type": "string"], "name": ["type": "string"]],
                    ],
                    "vintages": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["valid_from", "valid_to", "communes", "districts", "years"],
                            "properties": [
                                "valid_from": ["type": "string", "format": "date", "nullable": true],
                                "valid_to": ["type": "string", "format": "date", "nullable": true],
                                "communes": ["type": "integer"], "districts": ["type": "integer"],
                                "years": ["type": "array", "items": ["type": "integer"]],
                            ],
                        ],
                    ],
                ],
            ],
            "UnitLink": [
                "type": "object", "required": ["code", "name", "effective_on", "relation", "share"],
                "properties": [
                    "code": ["type": "string"], "name": ["type": "string", "nullable": true],
                    "effective_on": ["type": "string", "format": "date"],
                    "relation": enumeration(SuccessionRelation.self), "share": ["type": "number", "nullable": true],
                ],
            ],
            "UnitHistory": [
                "type": "object", "required": ["code", "name", "units", "formed_from", "became", "poverty"],
                "properties": [
                    "code": ["type": "string"], "name": ["type": "string"], "kind": ["type": "string"],
                    "units": ["type": "string", "format": "date", "nullable": true],
                    "formed_from": ["type": "array", "items": ["$ref": "#/components/schemas/UnitLink"]],
                    "became": ["type": "array", "items": ["$ref": "#/components/schemas/UnitLink"]],
                    "poverty": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": [
                                "year", "households", "poor_households", "poverty_rate", "estimated", "basis",
                            ],
                            "properties": [
                                "year": ["type": "integer"], "households": ["type": "integer"],
                                "poor_households": ["type": "integer"],
                                "poverty_rate": ["type": "number", "nullable": true],
                                "estimated": ["type": "boolean"], "basis": ["type": "string", "nullable": true],
                            ],
                        ],
                    ],
                ],
            ],
            "Problem": [
                "type": "object", "required": ["type", "title", "status", "detail", "errors"],
                "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"],
                    "errors": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["location", "field", "value", "reason"],
                            "properties": [
                                "location": ["type": "string"], "field": ["type": "string"],
                                "value": ["type": "string"], "reason": ["type": "string"],
                            ],
                        ],
                    ],
                ],
            ],
        ]
    }

    static var problemResponses: JSONObject {
        var r = JSONObject()
        for (code, text) in [
            ("400", "Bad request"), ("401", "Authentication required"), ("403", "Not allowed"),
            ("404", "Not found"), ("409", "Conflict"), ("413", "Request body too large"),
            ("415", "Unsupported media type"), ("422", "Invalid data"), ("429", "Too many failed sign-ins"),
            ("500", "Internal error"),
        ] {
            r["Problem" + code] = [
                "description": .string(text),
                "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
            ]
        }
        return r
    }
}
