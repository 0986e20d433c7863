import AtlasCoverage
import AtlasModel
import AtlasStore

extension CommuneMapExport {
    /// The commune map of `year` with coverage and the P1 fields, as the export, the web map's
    /// communes collection and the printed map all read it.
    public static func build(
        on db: any AtlasDataStore, year: Int, rules: CoverageRules, asOf: CalendarDate? = nil
    ) throws -> CommuneMapExport {
        var export = CommuneMapExport(year: year)
        export.addCoverage(try CoverageEngine(rules: rules).run(on: db, asOf: asOf, statsYear: year))
        export.addTargets(
            CommuneTargetFields.compute(
                stats: try db.allStatistics(), classifications: try db.allClassifications(),
                communes: try db.units(kind: .commune), year: year))
        return export
    }
}
