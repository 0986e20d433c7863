/// Where a point lies relative to a closed polygon. `.boundary` is exact (see ``RobustPredicates``),
/// because the assignment rule "a point on a shared boundary goes to the lowest code" depends on it.
public enum PointLocation: Hashable, Sendable {
    case inside
    case boundary
    case outside
}
