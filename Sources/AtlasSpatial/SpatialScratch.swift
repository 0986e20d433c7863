/// Reusable buffers for clipping and assignment. Keep one per thread (or per loop) and pass it
/// `inout`: the buffers keep their capacity, so the hot loops stop allocating after warm-up.
public struct SpatialScratch: Sendable {
    /// Crossing parameters `t ∈ (0, 1)` of the segment being clipped.
    var parameters: [Double] = []
    /// Collinear overlaps of the segment with edges, as (low t, high t, ±1 same/opposite direction).
    var overlaps: [Double] = []
    /// Whether P (Q) of the segment being clipped lies on the boundary.
    var touchesStart = false
    var touchesEnd = false
    /// Candidate item numbers from an index query.
    var candidates: [Int] = []
    /// Per-commune measures of the last ``CommuneAssigner/communeIndex(for:scratch:)`` call.
    public internal(set) var measures: [IndexedMeasure] = []

    public init() {
        parameters.reserveCapacity(64)
        overlaps.reserveCapacity(48)
        candidates.reserveCapacity(64)
        measures.reserveCapacity(16)
    }
}

/// A measure (length, area or point count) of one geometry inside commune number `index`
/// of a ``CommuneAssigner``.
public struct IndexedMeasure: Hashable, Sendable {
    public var index: Int
    public var value: Double

    public init(index: Int, value: Double) {
        self.index = index
        self.value = value
    }
}
