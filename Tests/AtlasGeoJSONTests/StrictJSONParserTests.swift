import AtlasTestSupport
import Testing

@testable import AtlasGeoJSON

@Suite struct StrictJSONParserTests {
    private func parse(_ text: String, maxDepth: Int = 64) throws -> JSONValue {
        try StrictJSONParser(maxDepth: maxDepth).parse(text)
    }

    private func failure(_ text: String, maxDepth: Int = 64) -> JSONParseError? {
        failure(Array(text.utf8), maxDepth: maxDepth)
    }

    private func failure(_ bytes: [UInt8], maxDepth: Int = 64) -> JSONParseError? {
        do {
            _ = try StrictJSONParser(maxDepth: maxDepth).parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesValuesKeepingMemberOrderAndNumberKinds() throws {
        // Given members deliberately out of alphabetical order
        let value = try parse(#" {"z": 1, "a": [true, false, null, -0.5, "x"], "m": {"k": 9007199254740993}} "#)
        // Then order, integers and doubles are as written
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"] == .integer(1))
        #expect(object["a"] == .array([.bool(true), .bool(false), .null, .double(-0.5), .string("x")]))
        #expect(object["m"]?.objectValue?["k"] == .integer(9_007_199_254_740_993))
    }

    @Test func refusesDuplicateKeysNamingKeyAndPosition() throws {
        // Given a duplicate key on line 3
        let text = "{\n  \"a\": 1,\n  \"b\": {\"x\": 1, \"x\": 2}\n}"
        // Then the error names the key, line 3 and the column of the second "x"
        let error = try #require(failure(text))
        #expect(error.reason == .duplicateKey("x"))
        #expect(error.line == 3)
        #expect(error.column == 17)
        #expect(error.offset == text.utf8.count - 9)
        #expect(error.description.contains("duplicate key \"x\""))
        #expect(error.description.contains("line 3, column 17"))
    }

    @Test func refusesDuplicateKeysInLargeObjects() throws {
        // Given an object past the linear-scan threshold, with a late duplicate
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        let error = try #require(failure("{" + members.joined(separator: ",") + "}"))
        #expect(error.reason == .duplicateKey("k7"))
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "[1, NaN]", #"{"a": -Infinity}"#])
    func refusesNonFiniteLiterals(text: String) throws {
        let error = try #require(failure(text))
        guard case .nonFiniteLiteral = error.reason else {
            Issue.record("expected nonFiniteLiteral, got \(error)")
            return
        }
    }

    @Test func refusesNumbersThatOverflowToInfinity() throws {
        let error = try #require(failure(#"{"x": 1e400}"#))
        #expect(error.reason == .numberOverflow("1e400"))
        #expect(error.column == 7)
        #expect(failure("-1.5E+309")?.reason == .numberOverflow("-1.5E+309"))
        #expect(failure("1" + String(repeating: "0", count: 400))?.reason != nil)
        // Underflow is not an error: it reads as zero.
        #expect(try parse("1e-400") == .double(0))
    }

    @Test func refusesMalformedNumbers() {
        for text in ["01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "1.2.3", "--1"] {
            #expect(failure(text) != nil, "\(text) should be refused")
        }
    }

    @Test func readsIntegersAtTheEdgesOfInt64() throws {
        #expect(try parse("9223372036854775807") == .integer(.max))
        #expect(try parse("-9223372036854775808") == .integer(.min))
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("5.0") == .double(5))
        #expect(try parse("5e0") == .double(5))
    }

    @Test func convertsDecimalsExactlyLikeTheStandardLibrary() throws {
        // Given many decimals, short (fast path) and long (slow path)
        var generator = SplitMix64(seed: 42)
        var texts = [
            "0.1", "106.123456", "21.8765432109876543", "1e22", "1e23", "4.9e-324", "2.2250738585072014e-308",
            "1.7976931348623157e308", "0.000001", "9007199254740993", "9007199254740993.0",
            "123456789012345678901234567890",
        ]
        for _ in 0..<5000 {
            let digits = Int(generator.next() % 19) + 1
            var mantissa = String(generator.next() % 10_000_000_000_000_000_000)
            mantissa = String(mantissa.prefix(digits))
            let exponent = Int(generator.next() % 60) - 30
            texts.append("\(mantissa)e\(exponent)")
            let split = Int(generator.next() % UInt64(mantissa.count + 1))
            let whole = split == 0 ? "0" : String(mantissa.prefix(split))
            texts.append(
                "-\(whole.first == "0" ? "0" : whole).\(mantissa.dropFirst(split).isEmpty ? "0" : String(mantissa.dropFirst(split)))"
            )
        }
        // 16–19 significant digits with decimals (the 128-bit path), including exact ties
        for _ in 0..<5000 {
            let whole = generator.next() % 200
            let decimals = Int(generator.next() % 6) + 14
            var fraction = String(generator.next() % 100_000_000_000_000_000)
            fraction = String(repeating: "0", count: max(0, 17 - fraction.count)) + fraction
            texts.append("\(whole).\(fraction.prefix(decimals))")
        }
        texts += [
            "9007199254740993.0", "9007199254740995.0", "18014398509481986.0", "18014398509481990.0",
            "9223372036854775807.5", "1844674407370955161.5", "0.1000000000000000055511151231257827",
        ]
        // Then every one converts to the same double as Double(String)
        for text in texts {
            let value = try parse("[\(text)]").arrayValue?.first
            let expected = try #require(Double(text))
            #expect(value?.doubleValue?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func enforcesTheDepthLimit() throws {
        // 64 nested arrays are fine, 65 are not
        #expect(throws: Never.self) { try parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
        let error = try #require(failure(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        #expect(error.reason == .depthLimitExceeded(64))
        #expect(error.offset == 64)
        // Objects count too, and the limit is configurable
        #expect(failure(#"{"a": {"b": {"c": 1}}}"#, maxDepth: 3) == nil)
        #expect(failure(#"{"a": {"b": {"c": [1]}}}"#, maxDepth: 3)?.reason == .depthLimitExceeded(3))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""\uD83D\uDE00 \u00e9\u1EA1""#) == .string("😀 éạ"))
        #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""a\u0000b""#) == .string("a\u{0}b"))
        #expect(try parse(#""Lạng Sơn""#) == .string("Lạng Sơn"))
    }

    @Test(arguments: [#""\uD83D""#, #""\uD83Dx""#, #""\uD83D\u0041""#, #""\uDE00""#, #""\u12G4""#, #""\x""#])
    func refusesBadEscapes(text: String) throws {
        let error = try #require(failure(text))
        switch error.reason {
        case .invalidUnicodeEscape, .invalidEscape: break
        default: Issue.record("unexpected \(error)")
        }
    }

    @Test(
        arguments: [
            [0x22, 0xC3, 0x28, 0x22],  // bad continuation
            [0x22, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xF5, 0x22],
            [0x22, 0xE1, 0x80],  // truncated at the end
            [0x5B, 0xC3, 0xA9, 0x5D],  // non-ASCII outside a string
        ] as [[UInt8]])
    func refusesInvalidUTF8(bytes: [UInt8]) throws {
        let error = try #require(failure(bytes))
        #expect(error.reason == .invalidUTF8 || error.reason == .expected("a JSON value"))
        if bytes[0] == 0x22 { #expect(error.reason == .invalidUTF8) }
    }

    @Test func refusesTrailingData() throws {
        #expect(failure(#"{"a": 1} x"#)?.reason == .trailingData)
        #expect(failure(#"{"a": 1}{}"#)?.reason == .trailingData)
        #expect(failure("{\"a\": 1}\n\t ") == nil)
    }

    @Test func refusesStructuralErrorsWithLineAndColumn() throws {
        let error = try #require(failure("{\n\"é\": [1, 2,]\n}"))
        #expect(error.line == 2)
        #expect(error.column == 12)
        #expect(error.reason == .expected("a JSON value"))
        #expect(failure(#"{"a" 1}"#)?.reason == .expected("':'"))
        #expect(failure(#"{"a": 1,}"#)?.reason == .expected("a string key"))
        #expect(failure(#"{"a": tru}"#) != nil)
        #expect(failure("\"abc")?.reason == .unexpectedEnd)
        #expect(failure("\"a\tb\"")?.reason == .controlCharacterInString(0x09))
        #expect(failure("")?.reason == .unexpectedEnd)
    }

    @Test func acceptsAByteOrderMark() throws {
        #expect(try StrictJSONParser().parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
    }

    @Test func writesCompactJSONText() {
        let value: JSONValue = .object(["s": "a\"b\n", "n": .double(.nan), "i": -3, "a": [1.5, true, nil]])
        #expect(value.jsonText == #"{"s":"a\"b\n","n":null,"i":-3,"a":[1.5,true,null]}"#)
    }
}
