import AtlasModel
import AtlasSpatial
import AtlasTestSupport
import Testing

@Suite struct SpatialIndexTests {
    /// 3000 random boxes (a third of them points, some sharing exact edges) in [0, 10 000]².
    static func randomBoxes(_ rng: inout SplitMix64, count: Int) -> [BoundingBox] {
        (0..<count).map { i in
            let x = (rng.uniform(0, 10_000) / 10).rounded() * 10, y = (rng.uniform(0, 10_000) / 10).rounded() * 10
            if i % 3 == 0 { return BoundingBox(minX: x, minY: y, maxX: x, maxY: y) }
            return BoundingBox(minX: x, minY: y, maxX: x + rng.uniform(0, 400), maxY: y + rng.uniform(0, 400))
        }
    }

    static func bruteForce(_ boxes: [BoundingBox], _ query: BoundingBox) -> [Int] {
        boxes.indices.filter { boxes[$0].intersects(query) }
    }

    @Test(arguments: [50.0, 333.0, 2000.0])
    func gridMatchesBruteForce(cellSize: Double) {
        // Given random boxes and points, and random query boxes (some touching items exactly)
        var rng = SplitMix64(seed: 42)
        let boxes = Self.randomBoxes(&rng, count: 3000)
        let grid = GridIndex(boxes: boxes, cellSize: cellSize)
        var result: [Int] = []
        for _ in 0..<2000 {
            let x = (rng.uniform(-500, 10_500) / 10).rounded() * 10, y = (rng.uniform(-500, 10_500) / 10).rounded() * 10
            let query = BoundingBox(minX: x, minY: y, maxX: x + rng.uniform(0, 1000), maxY: y + rng.uniform(0, 1000))
            // When querying into a reused buffer
            grid.query(query, into: &result)
            // Then the items (each once) are exactly those a linear scan finds
            #expect(result.sorted() == Self.bruteForce(boxes, query))
        }
    }

    @Test func packedRTreeMatchesBruteForce() {
        var rng = SplitMix64(seed: 43)
        let boxes = Self.randomBoxes(&rng, count: 3000)
        let tree = PackedRTree(boxes: boxes)
        var result: [Int] = []
        for _ in 0..<2000 {
            let x = (rng.uniform(-500, 10_500) / 10).rounded() * 10, y = (rng.uniform(-500, 10_500) / 10).rounded() * 10
            let query = BoundingBox(minX: x, minY: y, maxX: x + rng.uniform(0, 1000), maxY: y + rng.uniform(0, 1000))
            tree.query(query, into: &result)
            #expect(result.sorted() == Self.bruteForce(boxes, query))
        }
    }

    @Test func smallAndEmptyInputs() {
        // Given no items, one item, and an empty box among items
        var result: [Int] = [7]
        GridIndex(boxes: [], cellSize: 10).query(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1), into: &result)
        #expect(result.isEmpty)
        PackedRTree(boxes: []).query(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1), into: &result)
        #expect(result.isEmpty)
        let boxes = [BoundingBox.empty, BoundingBox(minX: 5, minY: 5, maxX: 5, maxY: 5)]
        GridIndex(boxes: boxes, cellSize: 10).query(BoundingBox(minX: 0, minY: 0, maxX: 5, maxY: 5), into: &result)
        #expect(result == [1])
        PackedRTree(boxes: boxes).query(BoundingBox(minX: 0, minY: 0, maxX: 5, maxY: 5), into: &result)
        #expect(result == [1])
    }

    @Test func forEachStopsEarly() {
        // Given 100 identical points, a visitor that stops after the first sees exactly one
        let boxes = Array(repeating: BoundingBox(minX: 1, minY: 1, maxX: 1, maxY: 1), count: 100)
        var seen = 0
        GridIndex(boxes: boxes, cellSize: 1).forEach(intersecting: BoundingBox(minX: 0, minY: 0, maxX: 2, maxY: 2)) {
            _ in
            seen += 1
            return false
        }
        #expect(seen == 1)
        seen = 0
        PackedRTree(boxes: boxes).forEach(intersecting: BoundingBox(minX: 0, minY: 0, maxX: 2, maxY: 2)) { _ in
            seen += 1
            return false
        }
        #expect(seen == 1)
    }
}
