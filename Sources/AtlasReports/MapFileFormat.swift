/// The files a printed map is written as, named by the output's extension.
public enum MapFileFormat: String, CaseIterable, Sendable {
    case pdf, png, svg

    /// The format `path`'s extension names (any case), or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    public static var allowedList: String { allCases.map { ".\($0.rawValue)" }.joined(separator: ", ") }

    /// Pixels per point of a PNG: 150 dpi, enough to read 6 pt labels on screen and in print.
    static let pngPixelsPerPoint = 150.0 / 72
}
