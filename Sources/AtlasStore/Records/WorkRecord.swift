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
        let w = work
        container[Columns.id] = w.id
        container[Columns.name] = w.name.precomposedStringWithCanonicalMapping
        container[Columns.programme] = w.programme.rawValue
        container[Columns.category] = w.category.rawValue
        container[Columns.status] = w.status.rawValue
        container[Columns.surface] = w.surface?.rawValue
        container[Columns.roadClass] = w.roadClass?.rawValue
        container[Columns.declaredCommuneCode] = w.declaredCommuneCode
        container[Columns.communeCode] = communeCode
        container[Columns.exactness] = w.exactness.rawValue
        container[Columns.accuracyM] = w.accuracyM
        container[Columns.approvedOn] = w.approvedOn?.description
        container[Columns.startedOn] = w.startedOn?.description
        container[Columns.completedOn] = w.completedOn?.description
        container[Columns.investor] = w.investor?.rawValue
        container[Columns.lengthM] = lengthM
        container[Columns.plannedVND] = w.plannedVND
        container[Columns.disbursedVND] = w.disbursedVND
        container[Columns.metricGeometry] = metricGeometry.map {
            Data(SpatiaLiteBlob.encode($0, srid: SpatialReference.metric))
        }
        container[Columns.geometry] = Data(SpatiaLiteBlob.encode(w.geometry, srid: SpatialReference.wgs84))
        container[Columns.sourceId] = sourceId
        container[Columns.registeredStatus] = w.status.rawValue
        container[Columns.registeredOn] = registeredOn?.description
        container[Columns.registeredAt] = registeredAt
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
