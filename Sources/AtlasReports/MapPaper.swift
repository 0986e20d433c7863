/// ISO 216 sheets in PostScript points (1/72 inch), portrait.
public enum MapPaper: String, CaseIterable, Sendable {
    case a4, a3

    /// Width and height in points, portrait: A4 595 × 842, A3 842 × 1191 (ISO 216 mm × 72 / 25.4, rounded).
    public var portrait: (width: Double, height: Double) {
        switch self {
        case .a4: (595, 842)
        case .a3: (842, 1191)
        }
    }

    /// The sheet turned for `landscape`.
    public func size(landscape: Bool) -> (width: Double, height: Double) {
        let p = portrait
        return landscape ? (p.height, p.width) : p
    }
}
