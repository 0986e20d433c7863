import AtlasGeoJSON
import AtlasModel
import AtlasStore

extension Importer {
    /// The names a work's fields may have, as the works import reads them.
    public static var workFieldNames: [String] { WorkFieldParser.knownFields }

    /// Checks one work given field by field exactly as ``addWork(fields:geometry:srid:)`` does, but
    /// writes nothing: the caller stores the row (e.g. with an audit entry in the same transaction).
    /// Throws ``ImportFailure`` listing every problem (location "work").
    public func validatedWork(fields: [String: JSONValue], geometry: Geometry, srid: Int32 = 4326) throws -> WorkRow {
        var log = ProblemLog(file: ImportFailure.enteredWork)
        var parser = WorkFieldParser(location: .entered, log: log) { fields[$0] }
        let work = parser.work(geometry: geometry)
        log = parser.log
        try log.finish()
        guard let work else { throw ImportFailure(file: ImportFailure.enteredWork, problems: log.problems) }
        let validator = try WorkValidator(database: database, inputSRID: srid)
        let rows = try validator.validate([WorkDraft(location: .entered, work: work)], log: &log, progress: nil).rows
        try log.finish()
        guard let row = rows.first else { throw ImportFailure(file: ImportFailure.enteredWork, problems: log.problems) }
        return row
    }
}

/// Where a work with a given geometry would lie: its WGS84 form and derived commune.
public struct GeometryPlacement: Sendable {
    public var wgs84: Geometry
    /// The derived commune (nil when the geometry lies in none, e.g. in the buffer at the border).
    public var communeCode: String?
    /// Length on the ground for lines, in metres.
    public var lengthM: Double?
}

extension Importer {
    /// Places `geometry` (in `srid`) exactly as ``validatedWork(fields:geometry:srid:)`` does —
    /// shape, inside the province, valid polygons, the derived commune — with no other field, and
    /// writes nothing: a form's preview before saving. Throws ``ImportFailure`` (field "geometry").
    public func placedGeometry(_ geometry: Geometry, srid: Int32 = 4326) throws -> GeometryPlacement {
        var log = ProblemLog(file: ImportFailure.enteredWork)
        let validator = try WorkValidator(database: database, inputSRID: srid)
        guard let placement = try validator.placement(of: geometry, log: &log) else {
            throw ImportFailure(file: ImportFailure.enteredWork, problems: log.problems)
        }
        return GeometryPlacement(wgs84: placement.wgs84, communeCode: placement.communeCode, lengthM: placement.lengthM)
    }
}
