import AtlasModel
import AtlasSpatial
import AtlasTestSupport
import Foundation
import Testing

@Suite struct PlanarPolygonLocateTests {
    typealias F = Fixtures

    /// [0,10]² with the hole [4,6]².
    let framed = PlanarPolygon(rings: [F.rectangle(0, 0, 10, 10), F.rectangle(4, 4, 6, 6)])

    @Test func verticesAndEdgesAreBoundary() {
        // Given a square with a hole
        // Then outer and hole vertices and points on their edges are boundary
        for p in [F.p(0, 0), F.p(10, 10), F.p(0, 10), F.p(10, 5), F.p(5, 0), F.p(4, 4), F.p(4, 5), F.p(5, 6)] {
            #expect(framed.locate(p) == .boundary, "\(p)")
        }
    }

    @Test func insideOutsideAndHole() {
        #expect(framed.locate(F.p(2, 2)) == .inside)
        #expect(framed.locate(F.p(7, 5)) == .inside)  // level with the hole, right of it
        #expect(framed.locate(F.p(5, 5)) == .outside)  // in the hole
        #expect(framed.locate(F.p(11, 5)) == .outside)
        #expect(framed.locate(F.p(-1, 4)) == .outside)  // level with hole edges, left of everything
        #expect(framed.locate(F.p(5, 10.000001)) == .outside)
    }

    @Test func diagonalEdgeIsExact() {
        // Given the triangle (0,0) (3,0) (0,3): (1.5, 1.5) lies exactly on the hypotenuse
        let triangle = PlanarPolygon(rings: [[F.p(0, 0), F.p(3, 0), F.p(0, 3)]])
        // Then it is boundary, and one ulp above/below it is outside/inside
        #expect(triangle.locate(F.p(1.5, 1.5)) == .boundary)
        #expect(triangle.locate(F.p(1.5, 1.5.nextUp)) == .outside)
        #expect(triangle.locate(F.p(1.5, 1.5.nextDown)) == .inside)
    }

    @Test func rayThroughVerticesCountsOnce() {
        // Given a diamond whose left and right vertices are level with the query points
        let diamond = PlanarPolygon(rings: [[F.p(0, 5), F.p(5, 0), F.p(10, 5), F.p(5, 10)]])
        // Then the ray from (5,5) through vertex (10,5) counts once: inside; from (-1,5) twice: outside
        #expect(diamond.locate(F.p(5, 5)) == .inside)
        #expect(diamond.locate(F.p(-1, 5)) == .outside)
        #expect(diamond.locate(F.p(11, 5)) == .outside)
        #expect(diamond.locate(F.p(10, 5)) == .boundary)
    }

    @Test func utmScaleEdgeIsExact() {
        // Given a triangle with UTM-sized vertices (multiples of 0.25) and a point exactly mid-edge
        let a = F.p(500_000.25, 2_400_000.75), b = F.p(500_010.25, 2_400_010.75), c = F.p(500_010.25, 2_400_000.75)
        let triangle = PlanarPolygon(rings: [[a, c, b]])
        // Then the midpoint is boundary and its one-ulp neighbours fall either side
        #expect(triangle.locate(F.p(500_005.25, 2_400_005.75)) == .boundary)
        #expect(triangle.locate(F.p(500_005.25, 2_400_005.75.nextDown)) == .inside)
        #expect(triangle.locate(F.p(500_005.25, 2_400_005.75.nextUp)) == .outside)
    }

    @Test func manyVerticesAgreeWithBruteForceCrossing() {
        // Given a 400-vertex star-shaped ring (many slabs) and random points
        var rng = SplitMix64(seed: 7)
        var ring: [Position] = []
        for k in 0..<400 {
            let angle = Double(k) / 400 * 2 * Double.pi
            let r = 1000 + rng.uniform(-300, 300)
            ring.append(F.p(5000 + r * cos(angle), 5000 + r * sin(angle)))
        }
        let polygon = PlanarPolygon(rings: [ring])
        // Then every strict classification matches a plain crossing-number test over all edges,
        // and every vertex is boundary
        for _ in 0..<5000 {
            let p = F.p(rng.uniform(3500, 6500), rng.uniform(3500, 6500))
            let expected = Self.bruteForceInside(ring, p) ? PointLocation.inside : .outside
            let got = polygon.locate(p)
            #expect(got == expected || got == .boundary)
        }
        for v in ring { #expect(polygon.locate(v) == .boundary) }
    }

    static func bruteForceInside(_ ring: [Position], _ p: Position) -> Bool {
        var inside = false
        for k in 0..<ring.count {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
        }
        return inside
    }

    @Test func distanceToBoundaryLooksOnlyWithinTheLimit() {
        // Given [0,10]² with the hole [4,6]²: (5, 3) is 1 from the hole's bottom edge, 3 from the outer
        #expect(framed.distanceToBoundary(F.p(5, 3), within: 5) == 1)
        // (5, −2) outside is 2 below the outer edge; with a limit of 1.5 nothing is near enough
        #expect(framed.distanceToBoundary(F.p(5, -2), within: 5) == 2)
        #expect(framed.distanceToBoundary(F.p(5, -2), within: 1.5) == nil)
        #expect(framed.distanceToBoundary(F.p(10, 5), within: 0) == 0)
    }
}
