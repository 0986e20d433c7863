/// What clipping a line against one polygon saw besides the length: a line with no piece outside
/// and none along the boundary lies in the polygon's interior (up to isolated points), so in a
/// tiling no other polygon can hold any of its length.
struct LineCoverage {
    var sawOutside = false
    var sawBoundary = false

    var isInterior: Bool { !sawOutside && !sawBoundary }
}
