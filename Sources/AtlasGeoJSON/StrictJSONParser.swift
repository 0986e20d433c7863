/// A strict RFC 8259 parser working on bytes (SPEC §6).
///
/// Unlike `JSONDecoder`/`JSONSerialization` it refuses:
/// - duplicate keys in an object (the error names the key and where it is),
/// - `NaN`, `Infinity` and numbers that overflow a double (`1e400`),
/// - nesting deeper than ``maxDepth`` (default 64),
/// - invalid UTF-8, unpaired surrogate escapes, unescaped control characters,
/// - anything after the value but whitespace.
///
/// Errors are ``JSONParseError`` values carrying line, column and byte offset.
///
/// ```swift
/// let value = try StrictJSONParser().parse(Array(#"{"a": [1, 2.5, "x"]}"#.utf8))
/// ```
public struct StrictJSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth: Int

    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text. Throws ``JSONParseError``.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(bytes, maxDepth: maxDepth)
        let value = try scanner.parseValue()
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error(.trailingData, at: scanner.offset) }
        return value
    }

    /// Parses one JSON text. Throws ``JSONParseError``.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON text given as a string. Throws ``JSONParseError``.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
