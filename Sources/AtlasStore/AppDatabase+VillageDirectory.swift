import AtlasModel
import GRDB

extension AppDatabase {
    /// Every village's name, WGS84 location and own statistics of `statsYear` (none when nil).
    /// Village codes do not change with the units, so their figures are read as recorded.
    public func villageDirectory(statsYear: Int?) throws -> VillageDirectory {
        try dbWriter.read { db in
            var villages: [String: VillageDirectory.Entry] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT v.code, v.name, ST_X(v.geometry), ST_Y(v.geometry),
                           s.households, s.poorHouseholds, s.nearPoorHouseholds
                    FROM village v LEFT JOIN yearStats s ON s.code = v.code AND s.year = ?
                    """, arguments: [statsYear])
            while let row = try rows.next() {
                let code: String = row[0]
                let lon: Double? = row[2], lat: Double? = row[3]
                let households: Int? = row[4]
                villages[code] = VillageDirectory.Entry(
                    name: row[1], location: lon.flatMap { x in lat.map { Position(x: x, y: $0) } },
                    stats: households.flatMap { h in
                        statsYear.map {
                            YearStats(
                                year: $0, code: code, households: h, poorHouseholds: row[5], nearPoorHouseholds: row[6])
                        }
                    })
            }
            return VillageDirectory(villages: villages)
        }
    }
}
