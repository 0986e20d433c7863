import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Writes

    /// Inserts or replaces villages in one transaction.
    public func saveVillages(_ rows: [VillageRow], source: DataSource) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: rows.count, in: db)
            let day = try unitsDay(db)
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO village (code, communeCode, name, nameFolded, households, metricX, metricY,
                                         geometry, sourceId, communeUnitsOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET communeCode = excluded.communeCode,
                        communeUnitsOn = excluded.communeUnitsOn, name = excluded.name,
                        nameFolded = excluded.nameFolded, households = excluded.households,
                        metricX = excluded.metricX, metricY = excluded.metricY, geometry = excluded.geometry,
                        sourceId = excluded.sourceId
                    """)
            for row in rows {
                let v = row.village
                let blob = v.location.map { Data(SpatiaLiteBlob.encode(.point($0), srid: SpatialReference.wgs84)) }
                try statement.execute(arguments: [
                    v.code, v.communeCode, v.name.precomposedStringWithCanonicalMapping, v.name.foldedForSearch,
                    v.households, row.metricLocation?.x, row.metricLocation?.y, blob, sourceId, day,
                ])
            }
        }
    }

    /// Inserts or replaces yearly statistics in one transaction.
    public func saveStats(_ rows: [YearStats], source: DataSource) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: rows.count, in: db)
            let latest = try Self.latestDay(db)
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO yearStats (year, code, households, poorHouseholds, nearPoorHouseholds, sourceId, unitsOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(year, code) DO UPDATE SET households = excluded.households,
                        poorHouseholds = excluded.poorHouseholds, nearPoorHouseholds = excluded.nearPoorHouseholds,
                        sourceId = excluded.sourceId, unitsOn = excluded.unitsOn
                    """)
            for s in rows {
                try statement.execute(arguments: [
                    s.year, s.code, s.households, s.poorHouseholds, s.nearPoorHouseholds, sourceId,
                    s.unitsOn?.description ?? latest,
                ])
            }
        }
    }

    /// Inserts classifications (already present ones are kept) in one transaction.
    public func saveClassifications(_ rows: [Classification], source: DataSource) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: rows.count, in: db)
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO classification (period, code, flag, sourceId) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET sourceId = excluded.sourceId
                    """)
            for c in rows {
                try statement.execute(arguments: [c.period, c.code, c.flag.rawValue, sourceId])
            }
        }
    }

    // MARK: Reads

    /// All village codes with their commune on the units seen (a village in none is left out).
    public func villageCommunes() throws -> [String: String] {
        try dbWriter.read { db in try Self.villageCommunes(on: try unitsDay(db), in: db) }
    }

    /// The codes of every stored unit (of any kind) and village.
    public func allUnitAndVillageCodes() throws -> Set<String> {
        try dbWriter.read { db in
            Set(try String.fetchAll(db, sql: "SELECT code FROM \(try unitsTable(db)) UNION SELECT code FROM village"))
        }
    }

    public func villageCount() throws -> Int {
        try dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM village") ?? 0 }
    }

    /// The years that have statistics, ascending.
    public func statisticsYears() throws -> [Int] {
        try dbWriter.read { try Int.fetchAll($0, sql: "SELECT DISTINCT year FROM yearStats ORDER BY year") }
    }
}
