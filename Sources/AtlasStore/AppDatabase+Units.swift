import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Writes

    /// Stores one vintage of units in one transaction: every unit is valid from `validFrom` (nil:
    /// from the beginning) to `validTo`. Units of earlier vintages still in force on `validFrom`
    /// end the day before (a vintage is the whole map: districts not in it are abolished). Without
    /// `validTo`, the vintage ends the day before the next stored one. A unit with the same code and
    /// start is replaced. Works then get their commune on the latest vintage again.
    public func saveUnits(
        _ rows: [UnitRow], validFrom: CalendarDate?, validTo: CalendarDate?, source: DataSource
    ) throws {
        try dbWriter.write { db in
            let sourceId = try Self.insertSource(source, rowCount: rows.count, in: db)
            let from = validFrom?.description
            if let validFrom {
                try db.execute(
                    sql: """
                        UPDATE adminUnit SET validTo = ?
                        WHERE ifnull(validFrom, '') < ? AND (validTo IS NULL OR validTo >= ?)
                        """, arguments: [validFrom.dayBefore.description, from, from])
            }
            var to = validTo?.description
            if to == nil,
                let next = try String.fetchOne(
                    db, sql: "SELECT min(validFrom) FROM adminUnit WHERE validFrom > ?", arguments: [from ?? ""])
            {
                to = try CalendarDate(iso: next).dayBefore.description
            }
            if let to, let from, to < from {
                throw StoreError.refused("units valid from \(from) cannot end before it (\(to)); check --valid-to")
            }
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO adminUnit (code, kind, type, name, nameFolded, parentCode, validFrom, validTo,
                                           metricGeometry, geometry, sourceId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code, ifnull(validFrom, '')) DO UPDATE SET kind = excluded.kind, type = excluded.type,
                        name = excluded.name, nameFolded = excluded.nameFolded, parentCode = excluded.parentCode,
                        validTo = excluded.validTo, metricGeometry = excluded.metricGeometry,
                        geometry = excluded.geometry, sourceId = excluded.sourceId
                    """)
            for row in rows {
                let unit = row.unit
                let parent = unit.parentCode.flatMap { $0.isEmpty ? nil : $0 }
                try statement.execute(arguments: [
                    unit.code, unit.kind.rawValue, unit.type, unit.name.precomposedStringWithCanonicalMapping,
                    unit.name.foldedForSearch, parent, from, to,
                    Data(SpatiaLiteBlob.encode(row.metricGeometry.asMultiPolygon, srid: SpatialReference.metric)),
                    Data(SpatiaLiteBlob.encode(unit.geometry.asMultiPolygon, srid: SpatialReference.wgs84)),
                    sourceId,
                ])
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM work") ?? 0 > 0 {
                try Self.rederiveWorkCommunes(in: db)
            }
        }
    }

    /// The codes of the units (of any kind) in force on `date`.
    public func unitCodes(inForceOn date: CalendarDate) throws -> Set<String> {
        try dbWriter.read { db in
            Set(try String.fetchAll(db, sql: "SELECT code FROM \(Self.units(on: date.description))"))
        }
    }

    // MARK: Reads

    /// Units of one kind with their metric boundaries, sorted by code.
    public func metricUnits(kind: UnitKind) throws -> [(code: String, geometry: Geometry)] {
        try unitGeometries(kind: kind, column: "metricGeometry")
    }

    /// Units of one kind with their WGS84 boundaries, sorted by code.
    public func wgs84Units(kind: UnitKind) throws -> [(code: String, geometry: Geometry)] {
        try unitGeometries(kind: kind, column: "geometry")
    }

    private func unitGeometries(kind: UnitKind, column: String) throws -> [(code: String, geometry: Geometry)] {
        try dbWriter.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT code, \(column) AS g FROM \(try unitsTable(db)) WHERE kind = ? ORDER BY code",
                arguments: [kind.rawValue])
            var result: [(String, Geometry)] = []
            while let row = try rows.next() {
                let data: Data = row["g"]
                result.append((row["code"], try data.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }))
            }
            return result
        }
    }

    /// Units of one kind (without geometry), sorted by code.
    public func units(kind: UnitKind) throws -> [UnitSummary] {
        try dbWriter.read { db in
            try UnitSummary.fetchAll(
                db,
                sql: "SELECT code, kind, type, name, parentCode FROM \(try unitsTable(db)) WHERE kind = ? ORDER BY code",
                arguments: [kind.rawValue])
        }
    }

    /// The number of stored units of each kind.
    public func unitCounts() throws -> [UnitKind: Int] {
        try dbWriter.read { db in
            var counts: [UnitKind: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM \(try unitsTable(db)) GROUP BY kind") {
                if let kind = UnitKind(rawValue: row["kind"]) { counts[kind] = row["n"] }
            }
            return counts
        }
    }

    /// Units whose folded name contains the folded query ("Binh Gia" finds "Bình Gia").
    public func searchUnits(_ query: String) throws -> [UnitSummary] {
        let pattern = "%" + query.foldedForSearch + "%"
        return try dbWriter.read { db in
            try UnitSummary.fetchAll(
                db,
                sql: """
                    SELECT code, kind, type, name, parentCode FROM \(try unitsTable(db))
                    WHERE nameFolded LIKE ? ORDER BY code
                    """, arguments: [pattern])
        }
    }
}

/// A unit's identity without its geometry.
public struct UnitSummary: Hashable, Sendable, FetchableRecord {
    public var code: String
    public var kind: String
    public var type: String?
    public var name: String
    public var parentCode: String?

    public init(row: Row) throws {
        code = row["code"]
        kind = row["kind"]
        type = row["type"]
        name = row["name"]
        parentCode = row["parentCode"]
    }
}

extension Geometry {
    /// A Polygon as a one-member MultiPolygon; other geometries unchanged.
    var asMultiPolygon: Geometry {
        if case .polygon(let rings) = self { return .multiPolygon([rings]) }
        return self
    }
}
