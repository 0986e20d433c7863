import AtlasModel
import AtlasSpatial
import Testing

@Suite struct PlanarDistanceTests {
    typealias F = Fixtures

    @Test func footInsideTheSegment() {
        // Given the segment (0,0)–(10,0) and P = (5,3): the foot (5,0) lies inside it
        // Then d² = 3² = 9
        #expect(PlanarDistance.squaredDistance(from: F.p(5, 3), toSegment: F.p(0, 0), F.p(10, 0)) == 9)
        // Given the diagonal (0,0)–(4,4) and P = (0,4): foot (2,2), d² = 2² + 2² = 8
        #expect(PlanarDistance.squaredDistance(from: F.p(0, 4), toSegment: F.p(0, 0), F.p(4, 4)) == 8)
    }

    @Test func footBeyondTheEnds() {
        // Given (0,0)–(10,0): P = (−3,4) is nearest to A, d² = 9 + 16 = 25;
        // P = (13,4) is nearest to B = (10,0), d² = 9 + 16 = 25
        #expect(PlanarDistance.squaredDistance(from: F.p(-3, 4), toSegment: F.p(0, 0), F.p(10, 0)) == 25)
        #expect(PlanarDistance.squaredDistance(from: F.p(13, 4), toSegment: F.p(0, 0), F.p(10, 0)) == 25)
        // A degenerate segment is its point: (1,1) to (4,5) is 5, d² = 25
        #expect(PlanarDistance.squaredDistance(from: F.p(4, 5), toSegment: F.p(1, 1), F.p(1, 1)) == 25)
    }

    @Test func polylineDistanceAndLength() {
        // Given the polyline (0,0)→(10,0)→(10,10)
        let line = [F.p(0, 0), F.p(10, 0), F.p(10, 10)]
        // Then (12,5) is 2 from the second segment (d² = 4), and the length is 10 + 10 = 20
        #expect(PlanarDistance.squaredDistance(from: F.p(12, 5), toPolyline: line) == 4)
        #expect(PlanarDistance.length(of: line) == 20)
        #expect(PlanarDistance.length(of: [F.p(0, 0), F.p(3, 4)]) == 5)
        #expect(PlanarDistance.squaredDistance(from: F.p(3, 4), toPolyline: [F.p(0, 0)]) == 25)
        #expect(PlanarDistance.squaredDistance(from: F.p(3, 4), toPolyline: []) == .infinity)
    }
}
