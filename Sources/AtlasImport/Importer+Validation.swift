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
