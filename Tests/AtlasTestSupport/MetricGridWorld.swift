/// Worlds written in EPSG:3405 metres relative to O = (640000, 2400000), imported with
/// `srid: 3405`, so every distance in a test is worked out by hand. Adopt it to get the builders.
public protocol MetricGridWorld {}

extension MetricGridWorld {
    public static var ox: Double { 640_000 }
    public static var oy: Double { 2_400_000 }

    /// "easting northing" of the point (x, y) metres from O.
    public static func xy(_ x: Double, _ y: Double) -> String { "\(Int(ox + x)) \(Int(oy + y))" }

    public static func point(_ x: Double, _ y: Double) -> String { "POINT(\(xy(x, y)))" }

    /// A quoted WKT line, ready for a CSV cell.
    public static func line(_ points: (Double, Double)...) -> String {
        "\"LINESTRING(" + points.map { xy($0.0, $0.1) }.joined(separator: ", ") + ")\""
    }

    /// GeoJSON coordinates of the rectangle [minX, maxX] × [minY, maxY].
    public static func ring(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        let corners = [(minX, minY), (maxX, minY), (maxX, maxY), (minX, maxY), (minX, minY)]
        return "[[" + corners.map { "[\(ox + $0.0), \(oy + $0.1)]" }.joined(separator: ", ") + "]]"
    }

    /// A units-file Feature.
    public static func unit(_ code: String, _ name: String, _ kind: String, parent: String?, _ ring: String) -> String {
        let parentMember = parent.map { #", "parent_code": "\#($0)""# } ?? ""
        return
            #"{"type": "Feature", "properties": {"code": "\#(code)", "name": "\#(name)", "kind": "\#(kind)"\#(parentMember)}, "geometry": {"type": "Polygon", "coordinates": \#(ring)}}"#
    }
}
