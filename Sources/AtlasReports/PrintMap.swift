import AtlasExport
import AtlasModel

/// Everything one printed map shows, in the metric plane it is drawn in (VN-2000 / UTM 48N,
/// EPSG:3405, the plane the coverage distances are measured in): the communes with their
/// classes, the outlines, the works, and the words around them.
public struct PrintMap: Sendable {
    public struct Commune: Sendable {
        public var code: String
        /// The name without its type ("Hồng Phong" of "Xã Hồng Phong"), for a label.
        public var label: String
        public var polygons: [[[Position]]]
        /// Class of `indicator.scale`, nil for no data.
        public var classIndex: Int?
    }

    public struct MapWork: Sendable {
        public var category: WorkCategory
        /// Proposed, approved or under construction: drawn hollow or dashed, as on the web map.
        public var notBuilt: Bool
        public var geometry: Geometry
    }

    public var indicator: MapIndicator
    public var year: Int
    public var baselineYear: Int
    /// "Tỉnh Lạng Sơn".
    public var provinceName: String
    public var communes: [Commune]
    /// District outlines, empty where the units have no districts (from 2025-07-01).
    public var districts: [[[[Position]]]]
    public var province: [[[[Position]]]]
    /// The categories asked for, in vocabulary order, each with its works (maybe none).
    public var works: [(category: WorkCategory, works: [MapWork])]
    public var notice: ExportNotice
    /// The date the map is made on.
    public var madeOn: CalendarDate
    /// The units' date, when not the latest.
    public var unitsDate: CalendarDate?
    /// Angle of true north from the plane's grid north at the map's centre, radians clockwise
    /// (the meridian convergence of UTM 48N, about 1° in Lạng Sơn): the north arrow's tilt.
    public var northAngle: Double = 0

    /// Communes per class (no data last), the legend's counts.
    public var classCounts: [Int] {
        var counts = Array(repeating: 0, count: indicator.scale.classCount + 1)
        for c in communes { counts[c.classIndex ?? indicator.scale.classCount] += 1 }
        return counts
    }

    /// The box of everything drawn, in metres.
    var extent: BoundingBox {
        var box = BoundingBox.empty
        for unit in province + districts { for polygon in unit { for p in polygon.first ?? [] { box.extend(p) } } }
        for c in communes { for part in c.polygons { for p in part.first ?? [] { box.extend(p) } } }
        return box
    }
}
