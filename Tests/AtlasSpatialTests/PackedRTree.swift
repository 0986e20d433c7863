import AtlasModel

/// A static R-tree packed by Sort-Tile-Recursive (Leutenegger et al. 1997), stored flat like
/// flatbush: the item boxes in leaf order, then each upper level's node boxes, 16 per node.
///
/// Test-only: the benchmark's baseline against ``GridIndex``, which measured as fast for the
/// village queries and 3× faster for work → commune boxes (see SpatialBenchmarkTests), so the
/// grid is what AtlasSpatial ships.
struct PackedRTree {
    static let nodeSize = 16
    let count: Int
    /// minX, minY, maxX, maxY per slot: leaves (items) first, then upper levels, root last.
    let boxes: [Double]
    /// For a leaf slot the item number; for an upper slot the first slot of its child node.
    let links: [Int32]
    /// End slot of each level (`levelEnds[0] == count`).
    let levelEnds: [Int]

    /// Indexes `boxes`; item numbers are positions in the array. Empty boxes are never found.
    init(boxes items: [BoundingBox]) {
        count = items.count
        var order = Array(0..<items.count)
        var level = items
        var boxes: [Double] = []
        var links: [Int32] = []
        var levelEnds: [Int] = []
        var levelStart = 0
        var childLinks = order.map { Int32($0) }
        repeat {
            order = Self.strOrder(level)
            for i in order {
                let b = level[i]
                boxes += [b.minX, b.minY, b.maxX, b.maxY]
                links.append(childLinks[i])
            }
            levelEnds.append(links.count)
            // Parents: one per run of nodeSize slots of this level.
            var parents: [BoundingBox] = []
            var parentLinks: [Int32] = []
            var s = levelStart
            while s < links.count {
                var b = BoundingBox.empty
                for k in s..<Swift.min(s + Self.nodeSize, links.count) {
                    b.extend(
                        BoundingBox(
                            minX: boxes[4 * k], minY: boxes[4 * k + 1], maxX: boxes[4 * k + 2], maxY: boxes[4 * k + 3]))
                }
                parents.append(b)
                parentLinks.append(Int32(s))
                s += Self.nodeSize
            }
            levelStart = links.count
            level = parents
            childLinks = parentLinks
        } while level.count > 1
        if let root = level.first {
            boxes += [root.minX, root.minY, root.maxX, root.maxY]
            links.append(childLinks[0])
            levelEnds.append(links.count)
        }
        self.boxes = boxes
        self.links = links
        self.levelEnds = levelEnds
    }

    /// STR order: sort by x-centre into vertical slices of ~√(n/M) nodes, each sorted by y-centre.
    private static func strOrder(_ boxes: [BoundingBox]) -> [Int] {
        let n = boxes.count
        let nodes = (n + nodeSize - 1) / nodeSize
        let slices = Swift.max(1, Int(Double(nodes).squareRoot().rounded(.up)))
        let perSlice = slices * nodeSize
        func cx(_ i: Int) -> Double { boxes[i].isEmpty ? .infinity : boxes[i].minX + boxes[i].maxX }
        func cy(_ i: Int) -> Double { boxes[i].isEmpty ? .infinity : boxes[i].minY + boxes[i].maxY }
        var order = Array(0..<n).sorted { cx($0) < cx($1) }
        var s = 0
        while s < n {
            let e = Swift.min(s + perSlice, n)
            order[s..<e].sort { cy($0) < cy($1) }
            s = e
        }
        return order
    }

    /// Calls `body` once with each item whose box meets `box` (touching counts), until it returns false.
    func forEach(intersecting box: BoundingBox, _ body: (Int) -> Bool) {
        guard count > 0, box.minX <= box.maxX, box.minY <= box.maxY else { return }
        let depth = levelEnds.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: depth * Self.nodeSize + 1) { stack in
            boxes.withUnsafeBufferPointer { b in
                links.withUnsafeBufferPointer { l in
                    // Each stack entry is a node's first slot; its level is found from levelEnds.
                    var top = 0
                    stack[0] = levelEnds[depth - 1] - 1
                    top = 1
                    while top > 0 {
                        top -= 1
                        let start = stack[top]
                        var levelEnd = levelEnds[0]
                        var lv = 0
                        while start >= levelEnd {
                            lv += 1
                            levelEnd = levelEnds[lv]
                        }
                        let end = Swift.min(start + Self.nodeSize, levelEnd)
                        for s in start..<end {
                            if b[4 * s] > box.maxX || b[4 * s + 1] > box.maxY || b[4 * s + 2] < box.minX
                                || b[4 * s + 3] < box.minY
                            {
                                continue
                            }
                            if lv == 0 {
                                if !body(Int(l[s])) { return }
                            } else {
                                stack[top] = Int(l[s])
                                top += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Replaces `result` with the items whose box meets `box`; keeps the buffer's capacity.
    func query(_ box: BoundingBox, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        forEach(intersecting: box) { item in
            result.append(item)
            return true
        }
    }
}
