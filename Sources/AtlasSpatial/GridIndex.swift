import AtlasModel

/// A uniform grid over item bounding boxes (points are degenerate boxes), stored flat: cells in
/// row-major order, each listing its entries with a copy of the item box, so a query reads memory
/// in order and never allocates.
///
/// An item is listed in every cell its box meets, but reported once per query: only from the cell
/// holding the corner `(max(item.minX, query.minX), max(item.minY, query.minY))`.
/// Pick `cellSize` near the typical query size (e.g. the service distance D).
public struct GridIndex: Sendable {
    public let cellSize: Double
    public let count: Int
    @usableFromInline let originX: Double
    @usableFromInline let originY: Double
    @usableFromInline let inverseCellSize: Double
    @usableFromInline let columns: Int
    @usableFromInline let rows: Int
    /// `cellStarts[c]..<cellStarts[c + 1]` are the entries of cell `c = row · columns + column`.
    @usableFromInline let cellStarts: [Int32]
    @usableFromInline let entryItems: [Int32]
    /// minX, minY, maxX, maxY of each entry's item.
    @usableFromInline let entryBoxes: [Double]

    /// Indexes `boxes`; item numbers are positions in the array. Empty boxes are never found.
    /// The cell size grows if needed so the grid has at most about 4 cells per item.
    public init(boxes: [BoundingBox], cellSize: Double) {
        precondition(cellSize > 0 && cellSize.isFinite, "cellSize must be positive")
        var bounds = BoundingBox.empty
        for box in boxes where !box.isEmpty { bounds.extend(box) }
        if bounds.isEmpty { bounds = BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        let width = bounds.maxX - bounds.minX, height = bounds.maxY - bounds.minY
        precondition(width.isFinite && height.isFinite, "GridIndex needs finite boxes")
        let maxCells = Double(Swift.max(1024, 4 * boxes.count))
        var size = cellSize
        if (width / size + 1) * (height / size + 1) > maxCells {
            size = Swift.max(size, ((width * height) / maxCells).squareRoot(), (width + height) / maxCells)
        }
        self.cellSize = size
        count = boxes.count
        originX = bounds.minX
        originY = bounds.minY
        inverseCellSize = 1 / size
        columns = Swift.max(1, Int(width / size) + 1)
        rows = Swift.max(1, Int(height / size) + 1)

        var starts = [Int32](repeating: 0, count: columns * rows + 1)
        for box in boxes where !box.isEmpty {
            let c0 = Self.cell(box.minX, originX, inverseCellSize, columns)
            let c1 = Self.cell(box.maxX, originX, inverseCellSize, columns)
            for r in Self.cell(
                box.minY, originY, inverseCellSize, rows)...Self.cell(box.maxY, originY, inverseCellSize, rows)
            {
                for c in c0...c1 { starts[r * columns + c + 1] += 1 }
            }
        }
        for c in 0..<(columns * rows) { starts[c + 1] += starts[c] }
        var fill = starts
        let total = Int(starts[columns * rows])
        var items = [Int32](repeating: 0, count: total)
        var entryBoxes = [Double](repeating: 0, count: 4 * total)
        for (item, box) in boxes.enumerated() where !box.isEmpty {
            let c0 = Self.cell(box.minX, originX, inverseCellSize, columns)
            let c1 = Self.cell(box.maxX, originX, inverseCellSize, columns)
            for r in Self.cell(
                box.minY, originY, inverseCellSize, rows)...Self.cell(box.maxY, originY, inverseCellSize, rows)
            {
                for c in c0...c1 {
                    let e = Int(fill[r * columns + c])
                    fill[r * columns + c] += 1
                    items[e] = Int32(item)
                    entryBoxes[4 * e] = box.minX
                    entryBoxes[4 * e + 1] = box.minY
                    entryBoxes[4 * e + 2] = box.maxX
                    entryBoxes[4 * e + 3] = box.maxY
                }
            }
        }
        cellStarts = starts
        entryItems = items
        self.entryBoxes = entryBoxes
    }

    /// Indexes points (e.g. villages) as degenerate boxes.
    public init(points: [Position], cellSize: Double) {
        self.init(boxes: points.map { BoundingBox(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) }, cellSize: cellSize)
    }

    /// Column (or row) of a coordinate, clamped to the grid; monotone in `v`, NaN → 0.
    @inlinable @inline(__always)
    static func cell(_ v: Double, _ origin: Double, _ inverse: Double, _ limit: Int) -> Int {
        let f = (v - origin) * inverse
        guard f >= 0 else { return 0 }
        return f < Double(limit) ? Swift.min(Int(f), limit - 1) : limit - 1
    }

    /// Calls `body` once with each item whose box meets `box` (boundaries touching count), in no
    /// particular order, until `body` returns false.
    @inlinable
    public func forEach(intersecting box: BoundingBox, _ body: (Int) -> Bool) {
        let c0 = Self.cell(box.minX, originX, inverseCellSize, columns)
        let c1 = Self.cell(box.maxX, originX, inverseCellSize, columns)
        let r0 = Self.cell(box.minY, originY, inverseCellSize, rows)
        let r1 = Self.cell(box.maxY, originY, inverseCellSize, rows)
        guard box.minX <= box.maxX && box.minY <= box.maxY else { return }  // also refuses NaN
        entryBoxes.withUnsafeBufferPointer { boxes in
            entryItems.withUnsafeBufferPointer { items in
                cellStarts.withUnsafeBufferPointer { starts in
                    for r in r0...r1 {
                        for c in c0...c1 {
                            let cellIndex = r * columns + c
                            for e in Int(starts[cellIndex])..<Int(starts[cellIndex + 1]) {
                                let minX = boxes[4 * e], minY = boxes[4 * e + 1]
                                if minX > box.maxX || minY > box.maxY || boxes[4 * e + 2] < box.minX
                                    || boxes[4 * e + 3] < box.minY
                                {
                                    continue
                                }
                                if c != c0 && Self.cell(minX, originX, inverseCellSize, columns) != c { continue }
                                if r != r0 && Self.cell(minY, originY, inverseCellSize, rows) != r { continue }
                                if !body(Int(items[e])) { return }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Replaces `result` with the items whose box meets `box`; keeps the buffer's capacity.
    public func query(_ box: BoundingBox, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        forEach(intersecting: box) { item in
            result.append(item)
            return true
        }
    }
}
