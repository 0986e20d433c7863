import AtlasCoverage
import AtlasExport
import AtlasModel
import AtlasStore
import Foundation

extension PrintMap {
    /// The map of `indicator` in `year` on the store's units, with the works of `categories`
    /// (cancelled works left out: they will not be built); coverage counts works completed by `asOf`.
    public static func load(
        from db: any AtlasDataStore, indicator: MapIndicator, year: Int, categories: [WorkCategory],
        rules: CoverageRules = .standard, asOf: CalendarDate? = nil, madeOn: CalendarDate = .today()
    ) throws -> PrintMap {
        let years = try db.statisticsYears()
        guard years.contains(year) else {
            let known =
                years.isEmpty
                ? "none is loaded (worksatlas import stats)"
                : "there are statistics for \(years.map(String.init).joined(separator: ", "))"
            throw MapError.noData("no statistics for \(year): \(known)")
        }
        let export = try CommuneMapExport.build(on: db, year: year, rules: rules, asOf: asOf)
        let toMetric = try CoordinateTransformer(from: SpatialReference.wgs84, to: SpatialReference.metric)
        let summaries = try db.communeSummaries(year: year)
        guard !summaries.isEmpty else { throw MapError.noData("there are no communes on these units (worksatlas import units)") }
        var baselineYear = years.first ?? year
        let communes = summaries.map { summary -> Commune in
            let properties = Dictionary(export.properties(of: summary), uniquingKeysWith: { a, _ in a })
            if case .integer(let base)? = properties["baseline_year"] { baselineYear = Int(base) }
            let value: Double? =
                switch properties[indicator.property] {
                case .double(let v)?: v
                case .integer(let v)?: Double(v)
                default: nil
                }
            return Commune(
                code: summary.code, label: Self.label(summary.name, type: summary.type),
                polygons: toMetric.transform(summary.geometry).polygons,
                classIndex: indicator.scale.classIndex(ofProperty: value))
        }
        let wanted = Set(categories)
        var byCategory: [WorkCategory: [MapWork]] = [:]
        for stored in try db.works() where wanted.contains(stored.work.category) && stored.work.status != .cancelled {
            let w = stored.work
            let notBuilt = [.proposed, .approved, .underConstruction].contains(w.status)
            byCategory[w.category, default: []].append(
                MapWork(category: w.category, notBuilt: notBuilt, geometry: toMetric.transform(w.geometry)))
        }
        let province = try db.wgs84Units(kind: .province)
        let provinceName = try db.units(kind: .province).first?.name ?? ""
        let title = indicator.title(year: year, baselineYear: baselineYear)
        var map = PrintMap(
            indicator: indicator, year: year, baselineYear: baselineYear, provinceName: provinceName,
            communes: communes,
            districts: try db.wgs84Units(kind: .district).map { toMetric.transform($0.geometry).polygons },
            province: province.map { toMetric.transform($0.geometry).polygons },
            works: WorkCategory.allCases.filter(wanted.contains).map { ($0, byCategory[$0] ?? []) },
            notice: try ExportNotice(title: "WorksAtlas: \(title.en)", database: db),
            madeOn: madeOn, unitsDate: db.unitsDate)
        map.northAngle = try Self.convergence(at: map.extent, toMetric: toMetric)
        return map
    }

    /// The direction of a meridian through the box's centre on the plane: a step north in
    /// latitude, taken through PROJ both ways.
    static func convergence(at box: BoundingBox, toMetric: CoordinateTransformer) throws -> Double {
        guard !box.isEmpty else { return 0 }
        let toWGS84 = try CoordinateTransformer(from: SpatialReference.metric, to: SpatialReference.wgs84)
        let centre = toWGS84.transform(Position(x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2))
        let a = toMetric.transform(centre)
        let b = toMetric.transform(Position(longitude: centre.longitude, latitude: centre.latitude + 0.05))
        let angle = atan2(b.x - a.x, b.y - a.y)
        return angle.isFinite ? angle : 0
    }

    /// "Hồng Phong" of "Xã Hồng Phong" with type "Xã": the type is said by the legend's words.
    static func label(_ name: String, type: String?) -> String {
        guard let type, !type.isEmpty, name.hasPrefix(type + " ") else { return name }
        return String(name.dropFirst(type.count + 1))
    }
}
