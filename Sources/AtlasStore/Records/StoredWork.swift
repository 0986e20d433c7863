import AtlasModel
import Foundation
import GRDB

/// A work as stored: the registered values plus what was derived from its geometry.
public struct StoredWork: Sendable {
    public var work: Work
    public var communeCode: String?
    public var districtCode: String?
    public var lengthM: Double?
    public var history: [StatusChange] = []

    /// True when the declared commune disagrees with the one the geometry lies in.
    public var communeDisagrees: Bool {
        guard let declared = work.declaredCommuneCode, !declared.isEmpty else { return false }
        return declared != communeCode
    }

    static let selectSQL = """
        SELECT w.*, c.parentCode AS districtCode
        FROM work w LEFT JOIN adminUnit c ON c.code = w.communeCode
        """

    init(row: Row) throws {
        func vocab<T: AtlasVocabulary>(_ column: String, _: T.Type) throws -> T? {
            guard let raw: String = row[column] else { return nil }
            return try T.parse(raw, field: column)
        }
        func date(_ column: String) throws -> CalendarDate? {
            guard let raw: String = row[column] else { return nil }
            return try CalendarDate(iso: raw, field: column)
        }
        let blob: Data = row["geometry"]
        let geometry = try blob.withUnsafeBytes { try SpatiaLiteBlob.decode($0).geometry }
        let planned: Int64 = row["plannedVND"]
        let disbursed: Int64 = row["disbursedVND"]
        work = Work(
            id: row["id"], name: row["name"],
            programme: try vocab("programme", Programme.self) ?? .other,
            category: try vocab("category", WorkCategory.self) ?? .other,
            status: try vocab("status", WorkStatus.self) ?? .proposed,
            geometry: geometry,
            surface: try vocab("surface", RoadSurface.self),
            roadClass: try vocab("roadClass", RoadClass.self),
            declaredCommuneCode: row["declaredCommuneCode"],
            exactness: try vocab("exactness", Exactness.self) ?? .exact,
            accuracyM: row["accuracyM"],
            approvedOn: try date("approvedOn"), startedOn: try date("startedOn"),
            completedOn: try date("completedOn"),
            investor: try vocab("investor", Investor.self),
            funding: [FundingLine(source: nil, plannedVND: planned, disbursedVND: disbursed)])
        communeCode = row["communeCode"]
        districtCode = row["districtCode"]
        lengthM = row["lengthM"]
    }
}
