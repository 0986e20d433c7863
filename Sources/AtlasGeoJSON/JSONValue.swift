/// A JSON value as read by ``StrictJSONParser`` (RFC 8259).
///
/// Numbers keep the distinction the text makes: a number written without fraction or exponent
/// that fits in `Int64` is ``integer(_:)`` (so amounts in đồng never pass through floating
/// point); every other number is ``double(_:)`` and is always finite. Object members keep their
/// order (see ``JSONObject``).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }

    /// The integer, if this is an integer (a number written without fraction or exponent).
    public var integerValue: Int64? {
        if case .integer(let i) = self { i } else { nil }
    }

    /// The number as a `Double`, if this is an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The Boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { b } else { nil }
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { a } else { nil }
    }

    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { o } else { nil }
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// A short name of the kind of value ("string", "number", "object"…), for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compact JSON text of this value (RFC 8259; non-finite doubles are written as `null`).
    public var jsonText: String {
        var out: [UInt8] = []
        JSONTextEncoding.appendValue(self, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { jsonText }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
