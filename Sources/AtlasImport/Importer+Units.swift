import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

extension Importer {
    /// Imports one vintage of administrative units (Polygon/MultiPolygon features with code, name,
    /// kind, type, parent_code, from GeoJSON or a GIS layer: Shapefile, GeoPackage, FlatGeobuf,
    /// KML), valid from `validFrom` (nil: from the beginning) to `validTo`; a unit with the same
    /// code and start is replaced. `srid` is the input CRS when the file states none.
    public func importUnits(
        from file: URL, srid: Int32 = 4326, format: String? = nil, validFrom: CalendarDate? = nil,
        validTo: CalendarDate? = nil, provenance: ImportProvenance = .init()
    ) throws
        -> ImportReport
    {
        let source = try UnitFeatures.read(file, format: format, srid: srid)
        var log = ProblemLog(file: file.path)
        for note in source.notes { log.note(note) }
        let toWGS84 = try CoordinateTransformer(from: source.srid, to: SpatialReference.wgs84)
        let toMetric = try CoordinateTransformer(from: SpatialReference.wgs84, to: SpatialReference.metric)
        if let validFrom, let validTo, validTo < validFrom {
            throw ImportFailure(
                file: file.path,
                problems: [
                    ImportProblem(
                        location: "options", field: "valid_to", value: validTo.description,
                        reason: "a vintage ends on or after its first day (valid_from \(validFrom))")
                ])
        }
        // Parents not in the file are units in force on the vintage's first day.
        var kinds: [String: UnitKind] = [:]
        let vintage = database.onUnits(validFrom)
        for kind in [UnitKind.province, .district] {
            for unit in try vintage.units(kind: kind) { kinds[unit.code] = kind }
        }
        var drafts: [(location: String, unit: AdminUnit)] = []
        var seen: [String: String] = [:]
        // `area_km2` is the source's own figure, kept in the file for reference; the area used is
        // always measured on the geometry.
        let known: Set<String> = [
            "code", "name", "kind", "type", "parent_code", "boundary", "valid_from", "valid_to", "area_km2",
        ]
        var unknown = Set<String>()
        let codes = UnitCodes(source, known: kinds)
        if codes.anyNumbers { log.note("codes stored as numbers: leading zeros restored from each unit's level (06004, not 6004)") }
        for (at, feature) in source.features {
            let p = feature.properties
            for key in p.keys where !known.contains(key) { unknown.insert(key) }
            var ok = true
            func bad(_ field: String, _ value: String, _ reason: String) {
                log.add(at, field, value, reason)
                ok = false
            }
            for problem in feature.problems { bad("geometry", "", problem) }
            let code = codes.code(p) ?? ""
            if code.isEmpty {
                bad(
                    "code", p["code"]?.jsonText ?? "",
                    "code must be a string of digits, e.g. \"20\" (a number loses leading zeros)")
            }
            if let first = seen[code] { bad("code", code, "the same code is already used by \(first)") }
            seen[code] = seen[code] ?? at
            let name = p["name"]?.stringValue ?? ""
            if name.trimmedASCIISpaces.isEmpty { bad("name", name, "name is required") }
            let kindText = p["kind"]?.stringValue ?? ""
            var kind: UnitKind?
            if let k = UnitKind(rawValue: kindText), k != .village {
                kind = k
            } else {
                bad(
                    "kind", kindText, "kind must be one of province, district, commune (villages are imported from CSV)"
                )
            }
            let parent = codes.parent(p).flatMap { $0.isEmpty ? nil : $0 }
            if kind == .province, let parent { bad("parent_code", parent, "a province has no parent") }
            if kind != .province, kind != nil, parent == nil {
                bad("parent_code", "", "parent_code is required for a \(kindText)")
            }
            if let kind, !code.isEmpty, let digits = kind.codeDigits,
                code.count != digits || !code.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
            {
                bad(
                    "code", code,
                    "a \(kind.rawValue) code is \(digits) digits (GSO codes: province 2, district 3, commune 5)")
            }
            if let kind { kinds[code] = kinds[code] ?? kind }
            guard let geometry = feature.geometry, feature.isValid else {
                if feature.geometry == nil && feature.problems.isEmpty {
                    bad("geometry", "null", "a unit needs a boundary")
                }
                continue
            }
            if !geometry.isPolygonal {
                bad("geometry", geometry.typeName, "a unit boundary must be a Polygon or MultiPolygon")
            }
            if let problem = WorkValidator.shapeProblem(geometry) { bad("geometry", geometry.typeName, problem) }
            let wgs84 = toWGS84.transform(geometry)
            if let problem = wgs84.wgs84Problem { bad("geometry", geometry.typeName, problem) }
            if ok, let kind {
                let unit = AdminUnit(
                    code: code, name: name, kind: kind, type: p["type"]?.stringValue, parentCode: parent,
                    geometry: wgs84)
                drafts.append((at, unit))
            }
        }
        // Parents may come later in the file, so they are checked once every code is known. A
        // commune's parent is its district, or the province where districts are abolished (2025).
        for (at, unit) in drafts {
            guard let parent = unit.parentCode else { continue }
            let allowed: [UnitKind] = unit.kind == .commune ? [.district, .province] : [.province]
            if let kind = kinds[parent], allowed.contains(kind) { continue }
            let expected = allowed.map(\.rawValue).joined(separator: " or ")
            log.add(at, "parent_code", parent, "no \(expected) with this code in the file or the database")
        }
        for (i, reason) in try database.invalidityReasons(drafts.map(\.unit.geometry)).sorted(by: { $0.key < $1.key }) {
            log.add(drafts[i].location, "geometry", drafts[i].unit.geometry.typeName, "invalid geometry: \(reason)")
        }
        for key in unknown.sorted() { log.warn("unknown property \"\(key)\" ignored") }
        try log.finish()
        let rows = drafts.map { UnitRow(unit: $0.unit, metricGeometry: toMetric.transform($0.unit.geometry)) }
        let members = source.foreignMembers
        let embedded = ImportProvenance(
            attribution: members["attribution"]?.stringValue, notice: members["notice"]?.stringValue)
        try database.saveUnits(
            rows, validFrom: validFrom, validTo: validTo,
            source: provenance.resolved(kind: "units", file: file, embedded: embedded))
        return ImportReport(
            kind: "units", file: file.path, rowCount: rows.count, warnings: log.warnings, notes: log.notes)
    }
}
