/// The members of a JSON object, in document order, with unique keys.
///
/// Iterating gives `(key: String, value: JSONValue)` pairs in order. Keys are unique: the parser
/// refuses duplicates, a literal with a repeated key traps (as `Dictionary` does), and setting an
/// existing key through the subscript replaces its value in place.
public struct JSONObject: Hashable, Sendable, RandomAccessCollection {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    /// Members in the given order. Traps if a key repeats.
    public init(uniqueKeysWithValues members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members {
            precondition(index(forKey: key) == nil, "duplicate key \"\(key)\" in JSONObject")
            keys.append(key)
            values.append(value)
        }
    }

    /// Members already known to be unique (the parser checks them itself).
    init(uncheckedKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }

    public subscript(position: Int) -> (key: String, value: JSONValue) {
        (keys[position], values[position])
    }

    /// The value for `key`, or nil. Setting nil removes the member; setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { values[$0] } }
        set {
            if let i = index(forKey: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// The position of `key` among the members, or nil.
    public func index(forKey key: String) -> Int? {
        keys.firstIndex(of: key)
    }

    /// The members as a dictionary (order lost).
    public var dictionary: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: zip(keys, values))
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(uniqueKeysWithValues: elements)
    }
}

extension JSONObject: CustomStringConvertible {
    public var description: String { JSONValue.object(self).jsonText }
}
