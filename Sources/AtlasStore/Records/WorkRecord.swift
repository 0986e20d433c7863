import AtlasModel
import Foundation
import GRDB

/// A row of the `work` table: the one place that maps a `Work` and what was derived from its
/// geometry to columns and back. `WorkWriter` builds its upsert from `Columns`, `StoredWork`
/// decodes through `init(row:)`.
struct WorkRecord: FetchableRecord, EncodableRecord, TableRecord {
    static let databaseTableName = "work"

    enum Columns: String, ColumnExpression, CaseIterable {
        case id, name, programme, category, status, surface, roadClass, declaredCommuneCode, communeCode
        case exactness, accuracyM, approvedOn, startedOn, completedOn, investor, lengthM, plannedVND
        case disbursedVND, metricGeometry, geometry, sourceId
        // The registration stamp: written once, kept by later updates.
        case registeredStatus, registeredOn, registeredAt

        /// Columns an update of an existing work leaves as they are.
        static let keptOnUpdate: Set<Columns> = [.id, .registeredStatus, .registeredOn, .registeredAt]
    }

    var work: Work
    var communeCode: String?
    var lengthM: Double?
    /// Only for writing: the metric copy coverage measures on.
    var metricGeometry: Geometry?
    var sourceId: Int64?
    var registeredOn: CalendarDate?
    var registeredAt: String?

    init(
        _ row: WorkRow, sourceId: Int64?, registeredOn: CalendarDate?, registeredAt: String
    ) {
        work = row.work
        communeCode = row.communeCode
        lengthM = row.lengthM
        metricGeometry = row.metricGeometry
        self.sourceId = sourceId
        self.registeredOn = registeredOn
        self.registeredAt = registeredAt
    }

    func encode(to container: inout PersistenceContainer) throws {
        for column in Columns.allCases { container[column] = value(of: column) }
    }

    /// Every column's value in `Columns.allCases` order, the order of `WorkWriter`'s statements.
    var columnValues: [DatabaseValue] { Columns.allCases.map(value(of:)) }

    /// One column's value: the single mapping both the record encoding and the writers use.
    func value(of column: Columns) -> DatabaseValue {
        let w = work
        return switch column {
        case .id: w.id.databaseValue
        case .name: w.name.precomposedStringWithCanonicalMapping.databaseValue
        case .programme: w.programme.rawValue.databaseValue
        case .category: w.category.rawValue.databaseValue
        case .status, .registeredStatus: w.status.rawValue.databaseValue
        case .surface: w.surface?.rawValue.databaseValue ?? .null
        case .roadClass: w.roadClass?.rawValue.databaseValue ?? .null
        case .declaredCommuneCode: w.declaredCommuneCode?.databaseValue ?? .null
        case .communeCode: communeCode?.databaseValue ?? .null
        case .exactness: w.exactness.rawValue.databaseValue
        case .accuracyM: w.accuracyM?.databaseValue ?? .null
        case .approvedOn: w.approvedOn?.description.databaseValue ?? .null
        case .startedOn: w.startedOn?.description.databaseValue ?? .null
        case .completedOn: w.completedOn?.description.databaseValue ?? .null
        case .investor: w.investor?.rawValue.databaseValue ?? .null
        case .lengthM: lengthM?.databaseValue ?? .null
        case .plannedVND: w.plannedVND.databaseValue
        case .disbursedVND: w.disbursedVND.databaseValue
        case .metricGeometry:
            metricGeometry.map { Data(SpatiaLiteBlob.encode($0, srid: SpatialReference.metric)).databaseValue } ?? .null
        case .geometry: Data(SpatiaLiteBlob.encode(w.geometry, srid: SpatialReference.wgs84)).databaseValue
        case .sourceId: sourceId?.databaseValue ?? .null
        case .registeredOn: registeredOn?.description.databaseValue ?? .null
        case .registeredAt: registeredAt?.databaseValue ?? .null
        }
    }

    /// Decodes the registered values; the totals come back as one unsourced funding line, which
    /// the reader replaces by the stored lines.
    init(row: Row) throws {
        func vocab<T: AtlasVocabulary>(_ column: Columns, _: T.Type) throws -> T? {
            guard let raw: String = row[column] else { return nil }
            return try T.parse(raw, field: column.rawValue)
        }
        func date(_ column: Columns) throws -> CalendarDate? {
            guard let raw: String = row[column] else { return nil }
            return try CalendarDate(iso: raw, field: column.rawValue)
        }
        let blob: Data = row[Columns.geometry]
        let geometry = try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }
        let planned: Int64 = row[Columns.plannedVND]
        let disbursed: Int64 = row[Columns.disbursedVND]
        work = Work(
            id: row[Columns.id], name: row[Columns.name],
            programme: try vocab(.programme, Programme.self) ?? .other,
            category: try vocab(.category, WorkCategory.self) ?? .other,
            status: try vocab(.status, WorkStatus.self) ?? .proposed,
            geometry: geometry,
            surface: try vocab(.surface, RoadSurface.self),
            roadClass: try vocab(.roadClass, RoadClass.self),
            declaredCommuneCode: row[Columns.declaredCommuneCode],
            exactness: try vocab(.exactness, Exactness.self) ?? .exact,
            accuracyM: row[Columns.accuracyM],
            approvedOn: try date(.approvedOn), startedOn: try date(.startedOn),
            completedOn: try date(.completedOn),
            investor: try vocab(.investor, Investor.self),
            funding: [FundingLine(source: nil, plannedVND: planned, disbursedVND: disbursed)])
        communeCode = row[Columns.communeCode]
        lengthM = row[Columns.lengthM]
        sourceId = row[Columns.sourceId]
        registeredAt = row[Columns.registeredAt]
        registeredOn = try date(.registeredOn)
    }
}
