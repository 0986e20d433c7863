import AtlasGDAL
import AtlasModel
import Foundation
import AtlasTestSupport
import Testing

/// The writer's promises a failed export depends on: nothing appears until `finish()`, and a
/// writer given up leaves neither a half file nor its temporary one.
@Suite struct VectorWriterTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func writeOnePoint(to path: String, finishing: Bool) throws {
        let writer = try VectorWriter(destination: path, driver: .geoPackage)
        let layer = try writer.addLayer(
            LayerSpec(name: "points", geometry: .point, srid: 4326, fields: [FieldSpec("amount_vnd", .integer64)]))
        try layer.add([.integer(9_007_199_254_740_993)], geometry: .point(Position(x: 106.1, y: 21.1)))
        if finishing { try writer.finish() }
    }

    @Test func aWriterGivenUpLeavesTheOldFileAndNoTemporary() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.gpkg").path
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
        try writeOnePoint(to: path, finishing: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.gpkg"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("previous".utf8))
    }

    @Test func finishMovesTheFileIntoPlaceWithAnExactInteger64() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.gpkg").path
        try writeOnePoint(to: path, finishing: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.gpkg"])
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") else { return }
        let info = try Tool.output("/usr/bin/ogrinfo", ["-ro", "-al", path])
        #expect(info.stderr.isEmpty)
        // 2^53 + 1: a double would have made it …992.
        #expect(info.stdout.contains("amount_vnd (Integer64) = 9007199254740993"), "\(info.stdout)")
    }

    @Test func aDriverFailureIsAGDALErrorWithGDALsMessage() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try VectorWriter(destination: folder.appendingPathComponent("x.gpkg").path, driver: .geoPackage)
        #expect(throws: GDALError.self) {
            _ = try writer.addLayer(LayerSpec(name: "bad", geometry: .point, srid: 999_999, fields: []))
        }
    }
}
