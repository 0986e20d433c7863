import AtlasGeoJSON

// Nested JSON literals (`["a": ["b": 1]]`) for the documents this module writes by hand.
// It would sit well beside JSONObject's literal conformance in AtlasGeoJSON.
extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(uniqueKeysWithValues: elements))
    }
}
