import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    /// Imports or updates works from GeoJSON, CSV (any dialect Excel writes), a workbook (XLSX,
    /// ODS) or a GIS file (Shapefile, GeoPackage, KML/KMZ, GPX, FlatGeobuf); `srid` is the input
    /// CRS when the file states none.
    public func importWorks(
        from file: URL, srid: Int32 = 4326, options: WorkFileOptions = WorkFileOptions(),
        provenance: ImportProvenance = .init(), progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> ImportReport {
        var checked = try checkWorks(
            from: file, srid: srid, options: options, provenance: provenance, progress: progress)
        var clock = PhaseClock()
        let rowCount = checked.rows.count
        try database.saveWorks(
            checked.takeRows(), source: checked.source, recordedOn: .today(), by: .commandLine, checks: nil
        ) { clock.lap($0) }
        return ImportReport(
            kind: "works", file: file.path, rowCount: rowCount, warnings: checked.warnings, notes: checked.notes,
            phases: checked.phases + clock.laps)
    }

    /// Reads and checks a works file as `importWorks` does, writing nothing: every problem is
    /// thrown as one `ImportFailure`; else the rows are ready for `saveWorks`. With
    /// `keepingLocations`, each row keeps where it was in the file, for a preview.
    public func checkWorks(
        from file: URL, srid: Int32 = 4326, options: WorkFileOptions = WorkFileOptions(),
        provenance: ImportProvenance = .init(), keepingLocations: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> CheckedWorks {
        var log = ProblemLog(file: file.path)
        var clock = PhaseClock()
        var drafts: [WorkDraft] = []
        var embedded = ImportProvenance()
        var inputSRID = srid
        let format = try Self.worksFormat(file, options: options)
        switch format {
        case .csv:
            drafts = try csvWorks(file, options: options, log: &log)
        case .geojson:
            (drafts, embedded) = try geoJSONDrafts(file, srid: srid, log: &log)
        default:
            let table = try gdalTable(file, format: format, options: options, srid: srid)
            inputSRID = table.srid ?? srid
            drafts = try officeDrafts(table, options: options, mapping: try options.columnMapping(), log: &log)
        }
        clock.lap("read")
        let validator = try WorkValidator(database: database, inputSRID: inputSRID)
        clock.lap("prepare checks")
        let validated = try validator.validate(
            drafts, log: &log, keepingLocations: keepingLocations, progress: progress) { clock.lap($0) }
        drafts = []
        try log.finish()
        return CheckedWorks(
            rows: validated.rows, locations: validated.locations,
            source: try provenance.resolved(kind: "works", file: file, embedded: embedded), warnings: log.warnings,
            notes: log.notes, phases: clock.laps)
    }

    /// Registers one work given field by field (`works add`), with the import's checks.
    public func addWork(fields: [String: JSONValue], geometry: Geometry, srid: Int32 = 4326) throws -> StoredWork {
        let row = try validatedWork(fields: fields, geometry: geometry, srid: srid)
        try database.saveWorks(
            [row], source: DataSource(kind: "works", file: "(entered by hand)"), recordedOn: .today())
        guard let stored = try database.work(id: row.work.id) else {
            throw StoreError.notFound(kind: "work", id: row.work.id)
        }
        return stored
    }

    /// Reads features one at a time (the file's features are never all in memory as JSON).
    private func geoJSONDrafts(
        _ file: URL, srid: Int32, log: inout ProblemLog
    ) throws -> ([WorkDraft], ImportProvenance) {
        var unknown = Set<String>()
        let known = Set(WorkFieldParser.knownFields)
        var drafts: [WorkDraft] = []
        var problems = log
        let summary = try streamGeoJSON(file, acceptsAnyCRS: srid != SpatialReference.wgs84) { feature in
            let at = DraftLocation.feature(index: feature.index, id: feature.id, line: feature.line)
            for problem in feature.problems { problems.add(at.description, "geometry", "", problem) }
            guard let geometry = feature.geometry, feature.isValid else {
                if feature.geometry == nil && feature.problems.isEmpty {
                    problems.add(at.description, "geometry", "null", "a work needs a geometry")
                }
                return
            }
            for key in feature.properties.keys where !known.contains(key) { unknown.insert(key) }
            let properties = feature.properties
            var parser = WorkFieldParser(location: at, log: problems) { key in
                if key == "id", properties["id"] == nil, let id = feature.id { return .string(id) }
                return properties[key]
            }
            let work = parser.work(geometry: geometry)
            problems = parser.log
            guard let work else { return }
            if let featureId = feature.id, featureId != work.id {
                problems.add(at.description, "id", work.id, "differs from the feature's top-level id \"\(featureId)\"")
                return
            }
            drafts.append(WorkDraft(location: at, work: work))
        }
        log = problems
        for key in unknown.sorted() { log.warn("unknown property \"\(key)\" ignored") }
        let members = summary.foreignMembers
        let embedded = ImportProvenance(
            attribution: members["attribution"]?.stringValue, notice: members["notice"]?.stringValue)
        return (drafts, embedded)
    }

    func csvDrafts(_ table: CSVTable, log: inout ProblemLog) throws -> [WorkDraft] {
        let hasPoint = table.column("lon") != nil && table.column("lat") != nil
        let hasWKT = table.column("wkt") != nil
        if !hasPoint && !hasWKT {
            log.add("line 1", "lon,lat / wkt", "", "a works CSV needs lon and lat columns or a wkt column")
        }
        table.checkColumns(
            required: ["id", "name", "programme", "category", "status"],
            optional: WorkFieldParser.knownFields + ["lon", "lat", "wkt"], log: &log)
        try log.finish()
        let columns = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        var drafts: [WorkDraft] = []
        for record in table.records {
            let at = DraftLocation.line(record.line)
            let value: (String) -> String? = { table.value(record, columns[$0]) }
            var geometry: Geometry?
            if let wkt = value("wkt") {
                geometry = try database.geometry(fromWKT: wkt)
                if geometry == nil {
                    log.add(
                        at.description, "wkt", wkt,
                        "not valid WKT of a POINT, LINESTRING, POLYGON or MULTILINESTRING (e.g. POINT(106.76 21.85))")
                }
            } else if let lonText = value("lon"), let latText = value("lat") {
                if let lon = Self.number(lonText), let lat = Self.number(latText) {
                    geometry = .point(Position(x: lon, y: lat))
                } else {
                    log.add(at.description, "lon,lat", "\(lonText),\(latText)", "lon and lat must be finite numbers")
                }
            } else {
                log.add(at.description, hasWKT ? "wkt" : "lon,lat", "", "a work needs a location")
            }
            // A column that is present but empty reads as null, one that is absent as nothing.
            var parser = WorkFieldParser(location: at, log: log) { name in
                columns[name] == nil ? nil : value(name).map(JSONValue.string) ?? .null
            }
            let work = parser.work(geometry: geometry ?? .point(Position(x: 0, y: 0)))
            log = parser.log
            if let work, geometry != nil { drafts.append(WorkDraft(location: at, work: work)) }
        }
        return drafts
    }
}

/// A work read from a file, not yet checked against the database and the map.
struct WorkDraft: Sendable {
    let location: DraftLocation
    var work: Work
}

/// Where a draft came from; rendered only when a problem is reported.
enum DraftLocation: Sendable, CustomStringConvertible {
    case feature(index: Int, id: String?, line: Int)
    case line(Int)
    /// Where an office or field file's row is, as the user's tool shows it.
    case office(String)
    case entered

    var description: String {
        switch self {
        case .feature(let index, let id, let line):
            if let id { "feature \(index) (id \"\(id)\", line \(line))" } else { "feature \(index) (line \(line))" }
        case .line(let n): "line \(n)"
        case .office(let place): place
        case .entered: "work"
        }
    }
}
