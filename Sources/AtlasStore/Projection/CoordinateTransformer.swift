import AtlasModel
import CProj
import Foundation

/// Transforms positions between two EPSG coordinate systems with PROJ, in x = easting/longitude,
/// y = northing/latitude order whatever the official axis order. One instance per thread.
public final class CoordinateTransformer: @unchecked Sendable {
    public let sourceSRID: Int32
    public let targetSRID: Int32
    private let context: OpaquePointer
    private let operation: OpaquePointer
    private let lock = NSLock()

    public init(from source: Int32, to target: Int32) throws {
        sourceSRID = source
        targetSRID = target
        guard let context = proj_context_create() else { throw StoreError.projection("no PROJ context") }
        // Failures are reported as non-finite results, not printed by PROJ.
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, "EPSG:\(source)", "EPSG:\(target)", nil) else {
            proj_context_destroy(context)
            throw StoreError.projection("PROJ knows no operation from EPSG:\(source) to EPSG:\(target)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_context_destroy(context)
            throw StoreError.projection("cannot normalise axis order for EPSG:\(source) → EPSG:\(target)")
        }
        self.context = context
        self.operation = normalized
    }

    deinit {
        proj_destroy(operation)
        proj_context_destroy(context)
    }

    public var isIdentity: Bool { sourceSRID == targetSRID }

    /// Transforms positions in place; a position PROJ cannot transform becomes (inf, inf).
    public func transform(_ positions: inout [Position]) {
        if isIdentity || positions.isEmpty { return }
        lock.lock()
        defer { lock.unlock() }
        positions.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: Double.self)
            let stride = MemoryLayout<Position>.stride
            _ = proj_trans_generic(
                operation, PJ_FWD,
                base, stride, buffer.count,
                base + 1, stride, buffer.count,
                nil, 0, 0, nil, 0, 0)
        }
        for i in positions.indices where !(positions[i].x.isFinite && positions[i].y.isFinite) {
            positions[i] = Position(x: .infinity, y: .infinity)
        }
    }

    public func transform(_ position: Position) -> Position {
        var one = [position]
        transform(&one)
        return one[0]
    }

    public func transform(_ geometry: Geometry) -> Geometry {
        if isIdentity { return geometry }
        var flat = geometry.positions
        transform(&flat)
        return geometry.replacingPositions(with: flat)
    }
}
