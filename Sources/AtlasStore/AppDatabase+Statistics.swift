import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    /// Every yearly statistic, by year then code.
    public func allStatistics() throws -> [YearStats] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM yearStats ORDER BY year, code").map { row in
                YearStats(
                    year: row["year"], code: row["code"], households: row["households"],
                    poorHouseholds: row["poorHouseholds"], nearPoorHouseholds: row["nearPoorHouseholds"])
            }
        }
    }

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
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.code, v.communeCode FROM village v JOIN adminUnit c ON c.code = v.communeCode
                    WHERE v.geometry IS NOT NULL AND ST_Intersects(v.geometry, c.geometry) = 0
                    ORDER BY v.code
                    """
            ).map { ($0[0], $0[1]) }
        }
    }
}
