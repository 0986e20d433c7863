import AtlasModel
import CSpatiaLite
import Dispatch
import Foundation
import GRDB

/// Loads a large batch into an empty `work` table: the rows first, then the R*Tree and the
/// secondary indexes in one pass each, all inside the caller's transaction, so a failure at any
/// step rolls back everything (SPEC §6: one transaction per import). Small batches and batches
/// into a table that already holds works go through `WorkWriter` row by row.
///
/// Measured on the national benchmark (release, 2 shared cores, same base database, load average
/// 3 to 4.5): 50,000 works wrote in 2.12 s row by row, 1.45 s here (whole import 3.71 → 3.1 s);
/// 500,000 works wrote in 26.8 s row by row, 18.1 s here (rows 8.3, R*Tree 5.8, indexes 0.8,
/// commit 3.2; whole import 36.5 → 32.5 s, about 15,400 works a second). Reading and placing the
/// works (about 13 s of the 500,000) is now the larger part.
struct BulkWorkLoader {
    /// Below this many works building the indexes afterwards saves too little to be worth the
    /// second path; every test-sized import stays on the incremental one.
    static let minimumRows = 2_000

    /// Tables whose secondary indexes are dropped during the load and rebuilt after it.
    static let reindexedTables = ["work", "workVillage", "fundingLine"]

    /// Works encoded per step; the next step's encoding runs while the writer binds this one's.
    /// On 50,000 works the writer waited 13 ms of its 0.73 s for the encoder: what is left of the
    /// row writing is SQLite's own insert (B-trees, the id index, foreign-key checks).
    static let chunkSize = 4_096

    let sourceId: Int64?
    let recordedOn: CalendarDate
    let recordedAt: String

    /// Whether `rows` (none of which is stored yet) may take the bulk path.
    static func applies(to rows: [WorkRow], existing: [String: WorkStatus], in db: Database) throws -> Bool {
        guard rows.count >= minimumRows, existing.isEmpty else { return false }
        return try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM work)") ?? false
    }

    /// Writes every row, its villages served and funding lines; `lap` marks the end of each step.
    func load(_ rows: [WorkRow], in db: Database, lap: (String) -> Void) throws {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name IN (\(Self.reindexedTables.map { "'\($0)'" }.joined(separator: ", ")))
                """
        ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }

        let columns = WorkRecord.Columns.allCases.map(\.rawValue)
        let insertWork = try DirectInsert(
            sql: """
                INSERT INTO work (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                """, in: db)
        let insertFunding = try DirectInsert(
            sql: "INSERT INTO fundingLine (workId, source, plannedVND, disbursedVND, labourDays) VALUES (?, ?, ?, ?, ?)",
            in: db)
        var boxes: [(rowid: Int64, box: BoundingBox)] = []
        boxes.reserveCapacity(rows.count)
        var served: [(workId: String, villageCode: String)] = []

        let chunks = stride(from: 0, to: rows.count, by: Self.chunkSize).map {
            $0..<min($0 + Self.chunkSize, rows.count)
        }
        var pending = chunks.first.map { encode(rows, $0) }
        for k in chunks.indices {
            let encoded = pending!.wait()
            pending = k + 1 < chunks.count ? encode(rows, chunks[k + 1]) : nil
            for (offset, item) in encoded.enumerated() {
                let work = rows[chunks[k].lowerBound + offset].work
                try insertWork.run(item.values)
                boxes.append((db.lastInsertedRowID, item.box))
                for code in work.villagesServed { served.append((work.id, code)) }
                for line in work.funding where line.isStoredAsLine {
                    try insertFunding.run([
                        work.id.databaseValue, line.source?.rawValue.databaseValue ?? .null,
                        line.plannedVND.databaseValue, line.disbursedVND.databaseValue,
                        line.labourDays?.databaseValue ?? .null,
                    ])
                }
            }
        }
        // Key order: the WITHOUT ROWID table grows at its right edge instead of splitting pages.
        served.sort { ($0.workId, $0.villageCode) < ($1.workId, $1.villageCode) }
        let insertVillage = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO workVillage (workId, villageCode) VALUES (?, ?)")
        for pair in served { try insertVillage.execute(arguments: [pair.workId, pair.villageCode]) }
        lap("write rows")

        try Self.fillSpatialIndex(boxes, in: db)
        lap("spatial index")
        for index in indexes { try db.execute(sql: index.sql) }
        lap("secondary indexes")
    }

    /// Inserts the boxes in Hilbert order of their centres, so neighbouring boxes reach the same
    /// R*Tree leaves one after another and the tree's pages stay in the cache: 500,000 national
    /// works took 5.8 s this way against 18.7 s in file order.
    static func fillSpatialIndex(_ boxes: [(rowid: Int64, box: BoundingBox)], in db: Database) throws {
        guard !boxes.isEmpty else { return }
        var extent = BoundingBox.empty
        for item in boxes {
            extent.extend(Position(x: item.box.minX, y: item.box.minY))
            extent.extend(Position(x: item.box.maxX, y: item.box.maxY))
        }
        let keyed = boxes.map { item in
            (key: HilbertCurve.key(x: (item.box.minX + item.box.maxX) / 2, y: (item.box.minY + item.box.maxY) / 2, in: extent),
             item: item)
        }.sorted { $0.key < $1.key }
        // SQLite's R*Tree rounds the box outward to 32-bit floats itself.
        let insertIndex = try DirectInsert(
            sql: "INSERT INTO idx_work_geometry (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)", in: db)
        for (_, item) in keyed {
            let box = item.box
            try insertIndex.run([
                item.rowid.databaseValue, box.minX.databaseValue, box.maxX.databaseValue, box.minY.databaseValue,
                box.maxY.databaseValue,
            ])
        }
    }

    /// Starts encoding `range` of `rows` into column values on another thread.
    private func encode(_ rows: [WorkRow], _ range: Range<Int>) -> PendingChunk {
        let pending = PendingChunk()
        let (sourceId, recordedOn, recordedAt) = (sourceId, recordedOn, recordedAt)
        DispatchQueue.global().async(group: pending.group) {
            pending.values = range.map { i in
                let row = rows[i]
                let values = WorkRecord(
                    row, sourceId: sourceId, registeredOn: AppDatabase.statusDate(of: row.work) ?? recordedOn,
                    registeredAt: recordedAt
                ).columnValues
                return EncodedWork(values: values, box: row.work.geometry.boundingBox)
            }
        }
        return pending
    }
}

/// One chunk's column values, filled by a background task; `wait()` returns them once it is done
/// (the group's wait orders the task's write before the read).
private final class PendingChunk: @unchecked Sendable {
    let group = DispatchGroup()
    var values: [EncodedWork] = []

    func wait() -> [EncodedWork] {
        group.wait()
        return values
    }
}

/// A work's column values and index box, computed off the writer's thread.
private struct EncodedWork {
    let values: [DatabaseValue]
    let box: BoundingBox
}

/// An INSERT bound and stepped through SQLite's C API. Building GRDB's `StatementArguments` per
/// row cost more than SQLite's own insert (4 % against 2 % of the samples of a 50,000-work import).
struct DirectInsert {
    private let statement: Statement
    private let db: Database

    init(sql: String, in db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        self.db = db
    }

    func run(_ values: [DatabaseValue]) throws {
        let handle = statement.sqliteStatement
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value.storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let n): sqlite3_bind_int64(handle, index, n)
            case .double(let x): sqlite3_bind_double(handle, index, x)
            case .string(let text): sqlite3_bind_text(handle, index, text, -1, transientDestructor)
            case .blob(let data):
                data.withUnsafeBytes { bytes in
                    _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transientDestructor)
                }
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let connection = db.sqliteConnection
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                message: String(cString: sqlite3_errmsg(connection)), sql: statement.sql)
        }
    }
}

/// SQLite copies the bound bytes before the call returns.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Position along a Hilbert curve over a 65,536 × 65,536 grid laid on an extent.
enum HilbertCurve {
    static func key(x: Double, y: Double, in extent: BoundingBox) -> UInt64 {
        let n: UInt64 = 1 << 16
        let side = Double(n)
        func cell(_ v: Double, _ lo: Double, _ hi: Double) -> UInt64 {
            guard hi > lo else { return 0 }
            return UInt64(min(side - 1, max(0, ((v - lo) / (hi - lo) * side).rounded(.down))))
        }
        var cx = cell(x, extent.minX, extent.maxX)
        var cy = cell(y, extent.minY, extent.maxY)
        var d: UInt64 = 0
        var s: UInt64 = 1 << 15
        while s > 0 {
            let rx: UInt64 = (cx & s) > 0 ? 1 : 0
            let ry: UInt64 = (cy & s) > 0 ? 1 : 0
            d += s * s * ((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    cx = n - 1 - cx
                    cy = n - 1 - cy
                }
                swap(&cx, &cy)
            }
            s >>= 1
        }
        return d
    }
}
