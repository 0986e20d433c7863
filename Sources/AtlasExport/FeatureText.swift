import AtlasGeoJSON
import AtlasModel

/// One GeoJSON Feature as JSON text, written by the same writer as every export (RFC 7946
/// coordinates and property order), with extra members (OGC `links`) after `geometry`.
public enum FeatureText {
    public static func feature(
        id: String, properties: JSONObject, geometry: Geometry?, members: JSONObject = [:],
        options: GeoJSONWriteOptions = GeoJSONWriteOptions()
    ) throws -> String {
        var framed = options
        framed.textSequence = true
        var geojson = GeoJSONWriter(sink: GeoJSONMemorySink(), options: framed)
        try geojson.begin()
        try geojson.writeFeature(id: id, properties: properties, geometry: geometry)
        // Text-sequence framing: RS, the feature, LF.
        var bytes = geojson.sink.bytes.dropFirst().dropLast()
        if !members.isEmpty {
            bytes = bytes.dropLast()
            var tail = Array(JSONValue.object(members).jsonText.utf8)
            tail[0] = UInt8(ascii: ",")
            bytes += tail
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
