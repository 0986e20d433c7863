import AtlasModel
import Testing

@testable import AtlasStore

@Suite struct CoordinateTransformerTests {
    // Expected values from PROJ's own command-line tool, e.g.
    // `echo "512345 2412345" | cs2cs -f %.9f EPSG:9215 EPSG:4326` → 21.807369900 107.371290586
    @Test func provincialTM3PointLandsWhereCs2csPutsIt() throws {
        // Given a point surveyed in VN-2000 / TM-3 107°15′ (Lạng Sơn's zone)
        let transformer = try CoordinateTransformer(from: 9215, to: 4326)
        // When it is transformed to WGS84
        let p = transformer.transform(Position(x: 512345, y: 2412345))
        // Then it agrees with cs2cs to 1e-6 degrees, in lon/lat order
        #expect(abs(p.longitude - 107.371290586) < 1e-6)
        #expect(abs(p.latitude - 21.807369900) < 1e-6)
    }

    @Test func utm48AndVN2000GeographicAgreeWithCs2cs() throws {
        let utm = try CoordinateTransformer(from: 3405, to: 4326).transform(Position(x: 650000, y: 2400000))
        #expect(abs(utm.longitude - 106.451911738) < 1e-6)
        #expect(abs(utm.latitude - 21.696086473) < 1e-6)
        // `echo "22.5 107.0" | cs2cs EPSG:4756 EPSG:4326` → 22.499006981 107.001898863
        let vn2000 = try CoordinateTransformer(from: 4756, to: 4326).transform(Position(x: 107.0, y: 22.5))
        #expect(abs(vn2000.longitude - 107.001898863) < 1e-6)
        #expect(abs(vn2000.latitude - 22.499006981) < 1e-6)
    }

    @Test func metricCopyMatchesCs2cs() throws {
        // `echo "21.8 106.5" | cs2cs -f %.6f EPSG:4326 EPSG:3405` → 654863.775801 2411551.637502
        let p = try CoordinateTransformer(from: 4326, to: 3405).transform(Position(longitude: 106.5, latitude: 21.8))
        #expect(abs(p.x - 654863.775801) < 1e-3)
        #expect(abs(p.y - 2411551.637502) < 1e-3)
    }

    @Test func unknownSystemIsRefused() {
        #expect(throws: StoreError.self) { try CoordinateTransformer(from: 999_999, to: 4326) }
    }
}
