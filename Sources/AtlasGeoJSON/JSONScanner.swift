/// The byte-level tokenizer shared by ``StrictJSONParser`` and ``GeoJSONReader``.
///
/// Works directly on a buffer the caller keeps alive; never builds per-character strings. The
/// hot paths (whitespace, numbers, plain ASCII strings) touch each byte once.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    var depth = 0
    let maxDepth: Int
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []
    /// Keys of the objects being read, innermost last (for the duplicate check, and so each
    /// finished object gets arrays of exactly its size).
    var keyStack: [String] = []
    /// Values of the arrays and objects being read, innermost last.
    var valueStack: [JSONValue] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        offset = 0
        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it).
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            offset = 3
        }
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the current offset, or 0 at the end (0 is never valid where a token starts).
    @inline(__always) func peek() -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    @inline(__always) mutating func skipWhitespace() {
        while offset < bytes.count {
            let b = bytes[offset]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            offset += 1
        }
    }

    // MARK: Errors

    func error(_ reason: JSONParseError.Reason, at position: Int) -> JSONParseError {
        let (line, column) = location(of: position)
        return JSONParseError(reason: reason, offset: position, line: line, column: column)
    }

    /// An error at `position` saying what was expected (or "unexpected end").
    func expected(_ what: String, at position: Int) -> JSONParseError {
        position >= bytes.count ? error(.unexpectedEnd, at: position) : error(.expected(what), at: position)
    }

    /// 1-based line and column of a byte offset; the column counts Unicode scalars.
    func location(of position: Int) -> (line: Int, column: Int) {
        let end = min(position, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        return (line, column)
    }

    // MARK: Containers

    /// Where one object's keys start on ``keyStack``, for the duplicate check.
    struct ObjectCursor {
        var isFirst = true
        var base: Int
        var keySet: Set<String>? = nil
    }

    /// Records `key` for the object of `cursor`; false if it already occurred there.
    private mutating func insertKey(_ key: String, _ cursor: inout ObjectCursor) -> Bool {
        let count = keyStack.count - cursor.base
        if cursor.keySet == nil && count >= 12 {
            cursor.keySet = Set(keyStack[cursor.base...])
        }
        if var keySet = cursor.keySet {
            cursor.keySet = nil  // keep the set uniquely referenced while inserting
            let inserted = keySet.insert(key).inserted
            cursor.keySet = keySet
            guard inserted else { return false }
        } else {
            for i in cursor.base..<keyStack.count where keyStack[i] == key { return false }
        }
        keyStack.append(key)
        return true
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw error(.depthLimitExceeded(maxDepth), at: offset)
        }
        offset += 1
    }

    /// Consumes `{` (after whitespace) and returns the cursor to pass to ``nextKey(_:)``.
    mutating func beginObject() throws(JSONParseError) -> ObjectCursor {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw expected("'{'", at: offset) }
        try enterContainer()
        return ObjectCursor(base: keyStack.count)
    }

    /// Forgets the keys of a finished object (after ``nextKey(_:)`` returned nil).
    mutating func endObject(_ cursor: ObjectCursor) {
        keyStack.removeSubrange(cursor.base...)
    }

    /// The next key of the current object, positioned before its value; nil after the closing `}`.
    /// Refuses a key that already occurred in this object.
    mutating func nextKey(_ cursor: inout ObjectCursor) throws(JSONParseError) -> String? {
        skipWhitespace()
        var b = peek()
        if b == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return nil
        }
        if cursor.isFirst {
            cursor.isFirst = false
        } else {
            guard b == UInt8(ascii: ",") else { throw expected("',' or '}'", at: offset) }
            offset += 1
            skipWhitespace()
            b = peek()
        }
        guard b == UInt8(ascii: "\"") else {
            throw expected("a string key", at: offset)
        }
        let keyStart = offset
        let key = try parseString()
        guard insertKey(key, &cursor) else { throw error(.duplicateKey(key), at: keyStart) }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw expected("':'", at: offset) }
        offset += 1
        skipWhitespace()
        return key
    }

    /// Consumes `[` (after whitespace).
    mutating func beginArray() throws(JSONParseError) {
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { throw expected("'['", at: offset) }
        try enterContainer()
    }

    /// Moves to the next element of the current array; false after the closing `]`.
    mutating func nextElement(_ isFirst: inout Bool) throws(JSONParseError) -> Bool {
        skipWhitespace()
        let b = peek()
        if b == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return false
        }
        if isFirst {
            isFirst = false
        } else {
            guard b == UInt8(ascii: ",") else { throw expected("',' or ']'", at: offset) }
            offset += 1
            skipWhitespace()
        }
        return true
    }

    // MARK: Values

    /// Parses any JSON value.
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"):
            var cursor = try beginObject()
            let valueBase = valueStack.count
            while try nextKey(&cursor) != nil {
                let value = try parseValue()
                valueStack.append(value)
            }
            let object = JSONObject(
                uncheckedKeys: Array(keyStack[cursor.base...]), values: Array(valueStack[valueBase...]))
            endObject(cursor)
            valueStack.removeSubrange(valueBase...)
            return .object(object)
        case UInt8(ascii: "["):
            try beginArray()
            let valueBase = valueStack.count
            var isFirst = true
            while try nextElement(&isFirst) {
                let value = try parseValue()
                valueStack.append(value)
            }
            let elements = Array(valueStack[valueBase...])
            valueStack.removeSubrange(valueBase...)
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = offset
            let number = try scanNumber()
            if let integer = number.integer { return .integer(integer) }
            guard number.double.isFinite else { throw error(.numberOverflow(text(start..<offset)), at: start) }
            return .double(number.double)
        case UInt8(ascii: "t"):
            try consumeLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try consumeLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try consumeLiteral("null")
            return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw nonFiniteLiteralError(at: offset)
        default:
            throw expected("a JSON value", at: offset)
        }
    }

    /// Skips a value, validating it as strictly as ``parseValue()``.
    mutating func skipValue() throws(JSONParseError) {
        _ = try parseValue()
    }

    private mutating func consumeLiteral(_ literal: StaticString) throws(JSONParseError) {
        let n = literal.utf8CodeUnitCount
        let p = literal.utf8Start
        for i in 0..<n {
            guard offset + i < bytes.count, bytes[offset + i] == p[i] else {
                throw expected("'\(literal)'", at: offset + i)
            }
        }
        offset += n
    }

    func nonFiniteLiteralError(at position: Int) -> JSONParseError {
        var end = position
        while end < bytes.count && end - position < 9 {
            let b = bytes[end]
            guard b == UInt8(ascii: "-") || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) else {
                break
            }
            end += 1
        }
        return error(.nonFiniteLiteral(text(position..<end)), at: position)
    }

    /// The input bytes in `range` as text (for messages).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
