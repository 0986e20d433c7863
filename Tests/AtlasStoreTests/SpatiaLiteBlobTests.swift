import AtlasModel
import Foundation
import GRDB
import Testing

@testable import AtlasStore

@Suite struct SpatiaLiteBlobTests {
    let square: Geometry = .polygon([
        [
            Position(x: 106, y: 21), Position(x: 107, y: 21), Position(x: 107, y: 22), Position(x: 106, y: 22),
            Position(x: 106, y: 21),
        ]
    ])

    @Test func spatiaLiteReadsWhatWeWrite() throws {
        // Given our encoding of several geometries
        let database = try AppDatabase.inMemory()
        let cases: [(Geometry, String)] = [
            (.point(Position(x: 106.5, y: 21.25)), "POINT(106.5 21.25)"),
            (.lineString([Position(x: 1, y: 2), Position(x: 3, y: 4)]), "LINESTRING(1 2, 3 4)"),
            (square, "POLYGON((106 21, 107 21, 107 22, 106 22, 106 21))"),
            (.multiLineString([[Position(x: 1, y: 2), Position(x: 3, y: 4)]]), "MULTILINESTRING((1 2, 3 4))"),
        ]
        for (geometry, wkt) in cases {
            // When SpatiaLite reads it back as WKT
            let blob = Data(SpatiaLiteBlob.encode(geometry, srid: 4326))
            let text = try database.dbWriter.read { db in
                try String.fetchOne(db, sql: "SELECT AsText(?)", arguments: [blob])
            }
            // Then it is the same geometry, and decoding gives it back exactly
            #expect(text == wkt)
            #expect(try SpatiaLiteBlob.decode(Array(blob)).geometry == geometry)
        }
        let area = try database.dbWriter.read { db in
            try Double.fetchOne(
                db, sql: "SELECT ST_Area(?)", arguments: [Data(SpatiaLiteBlob.encode(square, srid: 4326))])
        }
        #expect(area == 1.0)
    }

    @Test func truncatedBlobIsRefused() {
        let blob = SpatiaLiteBlob.encode(square, srid: 4326)
        #expect(throws: SpatiaLiteBlob.DecodeError.self) { try SpatiaLiteBlob.decode(Array(blob.prefix(60))) }
    }
}
