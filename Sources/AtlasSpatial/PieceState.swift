/// How a piece of a clipped segment relates to the polygon it was clipped against.
enum PieceState {
    case inside
    case outside
    /// On the boundary, running along an edge in the edge's direction (or direction unknown).
    case boundary
    /// On the boundary, running against the edge's direction.
    case boundaryReversed
}
