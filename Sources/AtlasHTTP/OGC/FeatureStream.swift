import AtlasExport
import AtlasGeoJSON
import AtlasModel
import Hummingbird

/// One feature ready to write.
struct FeatureRecord: Sendable {
    var id: String
    var properties: JSONObject
    var geometry: Geometry?
}

/// A sink whose bytes are taken out after each chunk, so a page is sent as it is written.
struct ChunkSink: GeoJSONSink {
    final class Buffer { var bytes: [UInt8] = [] }
    let buffer = Buffer()

    func write(_ bytes: some Collection<UInt8>) { buffer.bytes.append(contentsOf: bytes) }

    func take() -> ByteBuffer {
        defer { buffer.bytes.removeAll(keepingCapacity: true) }
        return ByteBuffer(bytes: buffer.bytes)
    }
}

enum FeatureStream {
    static let chunkSize = 500

    /// A FeatureCollection response body written `chunkSize` features at a time: `members` come
    /// first (numberMatched, numberReturned, timeStamp, links), then the features of `ids`, fetched
    /// by `fetch` chunk by chunk. Memory stays proportional to one chunk, not the page.
    static func body(
        members: JSONObject, ids: [String], options: GeoJSONWriteOptions = GeoJSONWriteOptions(),
        fetch: @escaping @Sendable ([String]) async throws -> [FeatureRecord]
    ) -> ResponseBody {
        ResponseBody { writer in
            let sink = ChunkSink()
            var geojson = GeoJSONWriter(sink: sink, options: options)
            try geojson.begin(foreignMembers: members)
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(ids.count, start + chunkSize)])
                for feature in try await fetch(chunk) {
                    try geojson.writeFeature(id: feature.id, properties: feature.properties, geometry: feature.geometry)
                }
                try await writer.write(sink.take())
                start += chunkSize
            }
            try geojson.end()
            try await writer.write(sink.take())
            try await writer.finish(nil)
        }
    }

    /// One Feature as JSON text, with `links` (OGC) or other members after `geometry`.
    static func featureText(
        _ feature: FeatureRecord, members: JSONObject = [:], options: GeoJSONWriteOptions = GeoJSONWriteOptions()
    ) throws -> String {
        try FeatureText.feature(
            id: feature.id, properties: feature.properties, geometry: feature.geometry, members: members,
            options: options)
    }
}

extension Geometry {
    /// A one-member MultiPolygon as the Polygon it is (as the commune export writes it).
    var simplestForm: Geometry {
        if case .multiPolygon(let polygons) = self, polygons.count == 1 { return .polygon(polygons[0]) }
        return self
    }
}
