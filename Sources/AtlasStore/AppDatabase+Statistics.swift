import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// Every classification, by period, flag and code.
    public func allClassifications() throws -> [Classification] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT period, code, flag FROM classification ORDER BY period, flag, code")
                .compactMap { row in
                    ClassificationFlag(rawValue: row["flag"]).map {
                        Classification(period: row["period"], code: row["code"], flag: $0)
                    }
                }
        }
    }

    /// Villages whose location lies outside their commune's boundary (GEOS, through SpatiaLite).
    public func villagesOutsideTheirCommune() throws -> [(village: String, commune: String)] {
        try dbWriter.read { db in
            let seen = try Self.vintageStart(of: try unitsDay(db), in: db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT v.code, v.communeCode, ifnull(v.communeUnitsOn, '0001-01-01')
                    FROM village v JOIN \(try unitsTable(db)) c ON c.code = v.communeCode
                    WHERE v.geometry IS NOT NULL AND ST_Intersects(v.geometry, c.geometry) = 0
                    ORDER BY v.code
                    """
            ).filter { row in
                // Only against the units the village's commune code names.
                try Self.vintageStart(of: row[2], in: db) == seen
            }.map { ($0[0], $0[1]) }
        }
    }
}
