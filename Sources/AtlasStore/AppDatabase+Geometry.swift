import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// GEOS's reason (through SpatiaLite) for each invalid geometry, keyed by position in `geometries`.
    /// Points and lines are checked in Swift by the callers; polygons need GEOS.
    public func invalidityReasons(_ geometries: [Geometry]) throws -> [Int: String] {
        try dbWriter.read { db in
            let statement = try db.cachedStatement(sql: "SELECT ST_IsValid(?1), ST_IsValidReason(?1)")
            var reasons: [Int: String] = [:]
            for (i, geometry) in geometries.enumerated() {
                let blob = Data(SpatiaLiteBlob.encode(geometry, srid: SpatialReference.wgs84))
                guard let row = try Row.fetchOne(statement, arguments: [blob]) else { continue }
                let valid: Int? = row[0]
                if valid != 1 { reasons[i] = (row[1] as String?) ?? "invalid geometry" }
            }
            return reasons
        }
    }

    /// Parses Well-Known Text with SpatiaLite; nil when it is not WKT or not one of the simple
    /// types (a GEOMETRYCOLLECTION). Heights and measures (`POINT Z (…)`) are dropped, as the
    /// GeoJSON reader drops a third coordinate.
    public func geometry(fromWKT text: String) throws -> Geometry? {
        try dbWriter.read { db in
            guard let blob = try Data.fetchOne(db, sql: "SELECT CastToXY(GeomFromText(?))", arguments: [text]) else {
                return nil
            }
            return try? blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }
        }
    }
}
