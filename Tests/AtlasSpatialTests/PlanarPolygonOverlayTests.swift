import AtlasModel
import AtlasSpatial
import AtlasTestSupport
import Foundation
import Testing

@Suite struct PlanarPolygonOverlayTests {
    typealias F = Fixtures

    /// U-shape: [0,3]×[0,3] without the notch [1,2]×[1,3].
    let uShape = PlanarPolygon(rings: [
        [
            F.p(0, 0), F.p(3, 0), F.p(3, 3), F.p(2, 3), F.p(2, 1), F.p(1, 1), F.p(1, 3), F.p(0, 3),
        ]
    ])

    @Test func lineCrossingTheSquare() {
        // Given the line (−1, 0.5) → (3, 0.5) through the unit square
        // Then the part inside runs from x = 0 to x = 1: length 1
        #expect(F.unitSquare.lengthInside([F.p(-1, 0.5), F.p(3, 0.5)]) == 1)
        // A line from outside to the centre: 0.5 inside
        #expect(F.unitSquare.lengthInside([F.p(0.5, -1), F.p(0.5, 0.5)]) == 0.5)
        // The diagonal through two opposite vertices: √2
        #expect(abs(F.unitSquare.lengthInside([F.p(-1, -1), F.p(2, 2)]) - 2.0.squareRoot()) < 1e-15)
    }

    @Test func lineAlongTheBoundaryCounts() {
        // Given a line along the bottom edge y = 0 from x = −1 to 2
        // Then the closed square holds the piece [0,1]: length 1
        #expect(F.unitSquare.lengthInside([F.p(-1, 0), F.p(2, 0)]) == 1)
        // And a line touching only the corner (1,1) has length 0
        #expect(F.unitSquare.lengthInside([F.p(0, 2), F.p(2, 0)]) == 0)
    }

    @Test func polylineWithSeveralSegments() {
        // Given (−1,0.5) → (0.5,0.5) → (0.5,3): 0.5 inside on each segment
        #expect(F.unitSquare.lengthInside([F.p(-1, 0.5), F.p(0.5, 0.5), F.p(0.5, 3)]) == 1)
    }

    @Test func nonConvexPolygonCrossedTwice() {
        // Given the U, the line y = 2 from x = −1 to 4 is inside on [0,1] and [2,3]: length 2
        // (t = 0.2 … 0.8 times 5 m is not exact in binary, hence the tolerance)
        #expect(abs(uShape.lengthInside([F.p(-1, 2), F.p(4, 2)]) - 2) < 1e-12)
        // The line y = 1 runs along the notch floor (1,1)–(2,1): all of [0,3] counts: length 3
        #expect(uShape.lengthInside([F.p(-1, 1), F.p(4, 1)]) == 3)
        // The line x = 1.5 from y = −1 to 4 is inside on [0,1] only: length 1
        #expect(uShape.lengthInside([F.p(1.5, -1), F.p(1.5, 4)]) == 1)
    }

    @Test func intersectionAreaOfRectangles() {
        // Given [0,2]² and [1,3]×[1,3]: overlap [1,2]², area 1
        let a = PlanarPolygon(rings: [F.rectangle(0, 0, 2, 2)])
        let b = PlanarPolygon(rings: [F.rectangle(1, 1, 3, 3)])
        #expect(a.intersectionArea(with: b) == 1)
        #expect(b.intersectionArea(with: a) == 1)
        // Identical polygons: the whole area (shared edges counted once)
        #expect(a.intersectionArea(with: a) == 4)
        // Neighbours sharing an edge: 0
        #expect(a.intersectionArea(with: PlanarPolygon(rings: [F.rectangle(2, 0, 4, 2)])) == 0)
        // Contained, touching two sides: [0,1]² inside [0,2]²: 1
        #expect(F.unitSquare.intersectionArea(with: a) == 1)
        #expect(a.intersectionArea(with: F.unitSquare) == 1)
    }

    @Test func intersectionAreaNonConvexAndHoles() {
        // Given the L (without the quarter [1,2]×[1,2]) and the square [0.5,1.5]²:
        // the square (area 1) minus its part [1,1.5]² in the missing quarter (0.25) = 0.75
        let square = PlanarPolygon(rings: [F.rectangle(0.5, 0.5, 1.5, 1.5)])
        #expect(abs(F.lShape.intersectionArea(with: square) - 0.75) < 1e-15)
        #expect(abs(square.intersectionArea(with: F.lShape) - 0.75) < 1e-15)
        // Given [0,4]² with hole [1,2]², and the clip [0,2]²: 4 − 1 = 3
        let holed = PlanarPolygon(rings: [F.rectangle(0, 0, 4, 4), F.rectangle(1, 1, 2, 2)])
        let clip = PlanarPolygon(rings: [F.rectangle(0, 0, 2, 2)])
        #expect(holed.intersectionArea(with: clip) == 3)
        #expect(clip.intersectionArea(with: holed) == 3)
        // The U and a bar across its arms [−1,4]×[1.5,2.5]: arms 1 + 1 wide, 1 high = 2
        let bar = PlanarPolygon(rings: [F.rectangle(-1, 1.5, 4, 2.5)])
        #expect(uShape.intersectionArea(with: bar) == 2)
        #expect(bar.intersectionArea(with: uShape) == 2)
    }

    @Test func polylineStateCarryMatchesSegmentBySegment() {
        // Given a jagged 300-vertex ring and random walks whose vertices sometimes sit exactly on
        // its vertices or run along its edges
        var rng = SplitMix64(seed: 5)
        var ring: [Position] = []
        for k in 0..<300 {
            let angle = Double(k) / 300 * 2 * Double.pi
            let r = (1000 + rng.uniform(-200, 200)).rounded()
            ring.append(F.p((r * cos(angle)).rounded(), (r * sin(angle)).rounded()))
        }
        let polygon = PlanarPolygon(rings: [ring])
        var scratch = SpatialScratch()
        for _ in 0..<300 {
            var line: [Position] = []
            var p = F.p(rng.uniform(-1300, 1300).rounded(), rng.uniform(-1300, 1300).rounded())
            for _ in 0..<40 {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: p = ring[Int.random(in: 0..<ring.count, using: &rng)]
                case 1: p = F.p(p.x, p.y)  // repeated vertex
                default: p = F.p(p.x + rng.uniform(-150, 150).rounded(), p.y + rng.uniform(-150, 150).rounded())
                }
                line.append(p)
            }
            // When the whole line is clipped (state carried between segments)
            let whole = polygon.lengthInside(line, scratch: &scratch)
            // Then it equals the sum over its segments clipped one by one (each classified afresh),
            // up to summation order; a wrongly carried state would be off by metres
            var sum = 0.0
            for k in 1..<line.count { sum += polygon.lengthInside([line[k - 1], line[k]], scratch: &scratch) }
            #expect(abs(whole - sum) < 1e-7)
        }
    }
}
