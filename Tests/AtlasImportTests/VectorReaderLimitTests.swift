import AtlasGDAL
import AtlasTestSupport
import Foundation
import Testing

/// The GDAL reader's bounds: file size, feature count, vertices; and a file no allowed driver opens.
@Suite(.enabled(if: OfficeFiles.available))
struct VectorReaderLimitTests {
    static let geojson = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"A"},"geometry":{"type":"LineString","coordinates":[[106,21],[106.1,21.1],[106.2,21.2]]}},
        {"type":"Feature","properties":{"id":"B"},"geometry":{"type":"Point","coordinates":[106,21,300]}}]}
        """

    private func file(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vector-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func featuresGeometriesAndHeightsAreRead() throws {
        let url = try file("a.geojson", Self.geojson)
        defer { try? FileManager.default.removeItem(at: url) }
        let (features, _) = try VectorDataset.read(path: url.path, format: .geojson) { dataset in
            var features: [VectorFeature] = []
            try dataset.layers[0].forEachFeature { features.append($0) }
            return features
        }
        #expect(features.count == 2)
        #expect(features[0].values == [.string("A")])
        #expect(features[1].geometry == .point(.init(x: 106, y: 21)))  // the height is dropped
    }

    @Test func boundsAreErrors() throws {
        let url = try file("a.geojson", Self.geojson)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: GDALError.self) {
            _ = try VectorDataset.read(path: url.path, format: .geojson, limits: .init(maximumFileBytes: 100)) { _ in 0 }
        }
        #expect(throws: GDALError.self) {
            _ = try VectorDataset.read(path: url.path, format: .geojson, limits: .init(maximumFeatures: 1)) {
                try $0.layers[0].forEachFeature { _ in }
            }
        }
        let (problems, _) = try VectorDataset.read(path: url.path, format: .geojson, limits: .init(maximumVertices: 2)) {
            var problems: [String?] = []
            try $0.layers[0].forEachFeature { problems.append($0.geometryProblem) }
            return problems
        }
        #expect(problems == ["more than 2 vertices", nil])
    }

    @Test func onlyTheFormatsOwnDriversOpenAFile() throws {
        let url = try file("a.xlsx", Self.geojson)  // GeoJSON text behind an .xlsx name
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: GDALError.self) { _ = try VectorDataset.read(path: url.path, format: .xlsx) { _ in 0 } }
    }
}
