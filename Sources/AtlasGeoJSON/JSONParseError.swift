/// Why a JSON text was refused, and where: byte offset, 1-based line and column (column counts
/// Unicode scalars from the start of the line).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case unexpectedEnd
        case expected(String)
        case duplicateKey(String)
        case nonFiniteLiteral(String)
        case numberOverflow(String)
        case invalidNumber(String)
        case depthLimitExceeded(Int)
        case invalidUTF8
        case invalidEscape
        case invalidUnicodeEscape(String)
        case controlCharacterInString(UInt8)
        case trailingData
    }

    public var reason: Reason
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(reason: Reason, offset: Int, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The reason, without the location.
    public var message: String {
        switch reason {
        case .unexpectedEnd: "unexpected end of input"
        case .expected(let what): "expected \(what)"
        case .duplicateKey(let key): "duplicate key \"\(key)\" in object"
        case .nonFiniteLiteral(let text): "\(text) is not a JSON number (NaN and Infinity are not allowed)"
        case .numberOverflow(let text): "number \(text) is too large (it is not finite as a double)"
        case .invalidNumber(let why): "invalid number: \(why)"
        case .depthLimitExceeded(let limit): "nesting deeper than \(limit) levels"
        case .invalidUTF8: "invalid UTF-8"
        case .invalidEscape: "invalid escape sequence in string"
        case .invalidUnicodeEscape(let why): "invalid \\u escape: \(why)"
        case .controlCharacterInString(let b): "unescaped control character \(Self.hex(b)) in string"
        case .trailingData: "unexpected data after the JSON value"
        }
    }

    public var description: String {
        "line \(line), column \(column) (byte \(offset)): \(message)"
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}
