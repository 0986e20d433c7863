import AtlasModel
import AtlasSpatial
import AtlasTestSupport
import Testing

@Suite struct ProximityIndexTests {
    typealias F = Fixtures

    /// Item 0: point (0,0). Item 1: line (0,5000)–(2000,5000). Item 2: square [10000,10100]².
    let works = ProximityIndex(
        [
            .point(F.p(0, 0)),
            .lineString([F.p(0, 5000), F.p(2000, 5000)]),
            .polygon([F.rectangle(10_000, 10_000, 10_100, 10_100)]),
        ],
        cellSize: 1000)

    @Test func pointWorkThresholdIsInclusive() {
        // Given D = 1000 m from the point work at the origin
        // Then 999.9 m serves, 1000.1 m does not, and exactly 1000 m (also (600,800)) serves
        #expect(works.hasItem(within: 1000, of: F.p(999.9, 0)))
        #expect(!works.hasItem(within: 1000, of: F.p(1000.1, 0)))
        #expect(works.hasItem(within: 1000, of: F.p(1000, 0)))
        #expect(works.hasItem(within: 1000, of: F.p(600, 800)))
    }

    @Test func lineWorkUsesTheNearestPoint() throws {
        // Given the line y = 5000, x ∈ [0, 2000]
        // Then (500, 6000) is exactly 1000 m from its foot (500, 5000): served
        #expect(works.hasItem(within: 1000, of: F.p(500, 6000)))
        #expect(works.hasItem(within: 1000, of: F.p(500, 5999.9)))
        #expect(!works.hasItem(within: 1000, of: F.p(500, 6000.1)))
        // Beyond the end: (2600, 5800) is √(600² + 800²) = 1000 m from (2000, 5000)
        #expect(works.hasItem(within: 1000, of: F.p(2600, 5800)))
        let nearest = try #require(works.nearest(to: F.p(2600, 5800), within: 1000))
        #expect(nearest.item == 1)
        #expect(nearest.distance == 1000)
    }

    @Test func nearestPicksTheCloserWork() throws {
        // Given (0, 2400): 2400 m from the point, 2600 m from the line
        let nearest = try #require(works.nearest(to: F.p(0, 2400), within: 3000))
        #expect(nearest.item == 0)
        #expect(nearest.distance == 2400)
        #expect(works.nearest(to: F.p(0, 2400), within: 2000) == nil)
        #expect(works.distance(fromItem: 1, to: F.p(0, 2400)) == 2600)
    }

    @Test func polygonWorkCoversItsInside() {
        // Given a point inside the square work: distance 0; 50 m outside its right edge: 50
        #expect(works.hasItem(within: 0, of: F.p(10_050, 10_050)))
        #expect(works.distance(fromItem: 2, to: F.p(10_150, 10_050)) == 50)
    }

    @Test func agreesWithBruteForce() {
        // Given 500 random point and line works and 2000 random villages
        var rng = SplitMix64(seed: 99)
        var geometries: [Geometry] = []
        for i in 0..<500 {
            var p = F.p(rng.uniform(0, 20_000), rng.uniform(0, 20_000))
            if i % 2 == 0 {
                geometries.append(.point(p))
            } else {
                var line = [p]
                for _ in 0..<Int.random(in: 1...30, using: &rng) {
                    p = F.p(p.x + rng.uniform(-100, 100), p.y + rng.uniform(-100, 100))
                    line.append(p)
                }
                geometries.append(.lineString(line))
            }
        }
        let index = ProximityIndex(geometries, cellSize: 700)
        for _ in 0..<2000 {
            let v = F.p(rng.uniform(0, 20_000), rng.uniform(0, 20_000))
            let d2 = geometries.map { PlanarDistance.squaredDistance(from: v, toPolyline: $0.positions) }
            let expected = d2.enumerated().filter { $0.element <= 1000 * 1000 }.min { $0.element < $1.element }
            // Then both queries agree with a linear scan
            #expect(index.hasItem(within: 1000, of: v) == (expected != nil))
            #expect(index.nearest(to: v, within: 1000)?.item == expected?.offset)
        }
    }
}
