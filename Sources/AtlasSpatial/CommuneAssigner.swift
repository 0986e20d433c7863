import AtlasModel

/// Assigns geometries (in the communes' metric space) to communes by the SPEC §1 rules:
///
/// - Point: the commune whose closed polygon holds it; on a boundary shared by several, the
///   lowest code.
/// - LineString / MultiLineString: the commune holding the largest length of it (closed
///   polygons, so a piece along a shared border counts for both); ties to the lowest code.
/// - Polygon / MultiPolygon: the largest area of intersection, computed exactly
///   (``PlanarPolygon/intersectionArea(with:scratch:)``, no sampling); ties to the lowest code.
/// - MultiPoint: the commune holding the most of its points; ties to the lowest code.
///
/// A measure of 0 everywhere gives nil. Codes compare as Swift strings, which for the 5-digit
/// GSO codes is numeric order. The communes are assumed to tile without overlapping (valid,
/// as imported); a line lying inside one commune is then measured against that one only.
public struct CommuneAssigner: Sendable {
    /// Commune codes in ascending order; commune numbers index this array and `polygons`.
    public let codes: [String]
    public let polygons: [PlanarPolygon]
    let index: GridIndex

    /// - Parameter communes: codes must be unique.
    public init(communes: [(code: String, polygon: PlanarPolygon)]) {
        let sorted = communes.sorted { $0.code < $1.code }
        codes = sorted.map(\.code)
        polygons = sorted.map(\.polygon)
        precondition(Set(codes).count == codes.count, "commune codes must be unique")
        let boxes = polygons.map(\.boundingBox)
        var extent = 0.0
        for box in boxes where !box.isEmpty { extent += (box.maxX - box.minX) + (box.maxY - box.minY) }
        let meanSide = boxes.isEmpty ? 1 : extent / Double(2 * boxes.count)
        index = GridIndex(boxes: boxes, cellSize: meanSide > 0 ? meanSide : 1)
    }

    /// The code of the commune the geometry is assigned to, with the per-commune measures.
    public func assign(_ geometry: Geometry) -> CommuneAssignment {
        var scratch = SpatialScratch()
        return assign(geometry, scratch: &scratch)
    }

    /// ``assign(_:)`` reusing caller-owned buffers.
    public func assign(_ geometry: Geometry, scratch: inout SpatialScratch) -> CommuneAssignment {
        let winner = communeIndex(for: geometry, scratch: &scratch)
        let measures = scratch.measures.map { CommuneMeasure(code: codes[$0.index], value: $0.value) }
        return CommuneAssignment(code: winner.map { codes[$0] }, measures: measures)
    }

    /// The number of the assigned commune; for points and lines without allocating after warm-up
    /// (a polygon work is copied into a ``PlanarPolygon``). Afterwards `scratch.measures` holds the
    /// nonzero per-commune measures in commune order (empty for a point).
    public func communeIndex(for geometry: Geometry, scratch: inout SpatialScratch) -> Int? {
        scratch.measures.removeAll(keepingCapacity: true)
        switch geometry {
        case .point(let p):
            return communeIndex(containing: p, scratch: &scratch)
        case .multiPoint(let points):
            for p in points {
                if let k = communeIndex(containing: p, scratch: &scratch) { addMeasure(k, 1, &scratch) }
            }
        case .lineString(let line):
            measureLines(CollectionOfOne(line), &scratch)
        case .multiLineString(let lines):
            measureLines(lines, &scratch)
        case .polygon, .multiPolygon:
            let work = PlanarPolygon(polygons: geometry.polygons)
            collectCandidates(work.boundingBox, &scratch)
            for c in 0..<scratch.candidates.count {
                let k = scratch.candidates[c]
                let area = work.intersectionArea(with: polygons[k], scratch: &scratch)
                if area > 0 { scratch.measures.append(IndexedMeasure(index: k, value: area)) }
            }
        }
        var best: IndexedMeasure? = nil
        for m in scratch.measures where m.value > (best?.value ?? 0) { best = m }  // first max = lowest code
        return best?.index
    }

    /// The lowest-numbered commune whose closed polygon holds `point`, or nil.
    public func communeIndex(containing point: Position, scratch: inout SpatialScratch) -> Int? {
        let (k, _) = commune(containing: point, &scratch)
        return k >= 0 ? k : nil
    }

    /// The lowest-numbered commune whose closed polygon holds `point` and where it lies, or (−1, .outside).
    private func commune(containing point: Position, _ scratch: inout SpatialScratch) -> (Int, PointLocation) {
        collectCandidates(BoundingBox(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y), &scratch)
        for c in 0..<scratch.candidates.count {
            let k = scratch.candidates[c]
            let location = polygons[k].locate(x: point.x, y: point.y)
            if location != .outside { return (k, location) }
        }
        return (-1, .outside)
    }

    /// Fills `scratch.measures` with the length of `lines` in each commune, in commune order.
    ///
    /// The commune holding the first vertex is tried first: when the lines lie in its interior
    /// (no piece outside it or along its boundary), no other commune of a tiling can hold any of
    /// their length, and the others are skipped. That is most lines, and saves most of the work.
    private func measureLines<C: Collection<[Position]>>(_ lines: C, _ scratch: inout SpatialScratch) {
        var box = BoundingBox.empty
        for line in lines { for p in line { box.extend(p) } }
        guard let start = lines.first(where: { !$0.isEmpty })?[0] else { return }
        let (first, location) = commune(containing: start, &scratch)
        var firstTotal = 0.0
        if first >= 0 {
            var coverage = LineCoverage()
            var hint: PieceState? = location == .inside ? .inside : nil  // for the first line only
            for line in lines {
                firstTotal += polygons[first].lengthInside(
                    line, startHint: hint, scratch: &scratch, coverage: &coverage)
                hint = nil
            }
            if coverage.isInterior {
                if firstTotal > 0 { scratch.measures.append(IndexedMeasure(index: first, value: firstTotal)) }
                return
            }
        }
        collectCandidates(box, &scratch)
        for c in 0..<scratch.candidates.count {
            let k = scratch.candidates[c]
            var total = 0.0
            if k == first {
                total = firstTotal
            } else {
                for line in lines { total += polygons[k].lengthInside(line, scratch: &scratch) }
            }
            if total > 0 { scratch.measures.append(IndexedMeasure(index: k, value: total)) }
        }
    }

    /// Communes whose box meets `box`, ascending (so the first hit is the lowest code).
    private func collectCandidates(_ box: BoundingBox, _ scratch: inout SpatialScratch) {
        index.query(box, into: &scratch.candidates)
        let n = scratch.candidates.count
        guard n > 1 else { return }
        for i in 1..<n {
            let v = scratch.candidates[i]
            var j = i - 1
            while j >= 0 && scratch.candidates[j] > v {
                scratch.candidates[j + 1] = scratch.candidates[j]
                j -= 1
            }
            scratch.candidates[j + 1] = v
        }
    }

    private func addMeasure(_ k: Int, _ value: Double, _ scratch: inout SpatialScratch) {
        if let i = scratch.measures.firstIndex(where: { $0.index == k }) {
            scratch.measures[i].value += value
        } else {
            scratch.measures.append(IndexedMeasure(index: k, value: value))
            scratch.measures.sort { $0.index < $1.index }
        }
    }
}
