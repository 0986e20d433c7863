/// Where ``GeoJSONWriter`` sends its bytes. The writer hands over one feature at a time, so a
/// sink that does not keep everything (``GeoJSONFileSink``) lets an export of any size run in
/// constant memory.
public protocol GeoJSONSink {
    /// Takes the next bytes of output.
    mutating func write(_ bytes: some Collection<UInt8>) throws
    /// Pushes buffered bytes to their destination.
    mutating func flush() throws
}

extension GeoJSONSink {
    public mutating func flush() throws {}
}

/// A sink that keeps the output in memory (tests, HTTP responses of bounded size).
public struct GeoJSONMemorySink: GeoJSONSink, Hashable, Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: some Collection<UInt8>) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The output as text (it is always UTF-8).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
