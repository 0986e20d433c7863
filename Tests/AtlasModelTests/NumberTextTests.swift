import AtlasModel
import Testing

/// Numbers in files and URLs are plain decimals: what `Double(_:)` and `Int64(_:)` take beyond
/// that (hex, nan, inf, underscores, a plus sign) is refused.
@Suite struct NumberTextTests {
    @Test(arguments: [
        ("106.05", 106.05), ("-21", -21), ("21.", 21), (".5", 0.5), ("1e-3", 0.001), ("2.5E+2", 250), ("0", 0),
    ])
    func plainDecimalsAreRead(text: String, value: Double) {
        #expect(NumberText.decimal(text) == value)
    }

    @Test(arguments: [
        "", "-", ".", "+5", "0x6A", "nan", "NaN", "inf", "-Infinity", "1_0", "1e400", "1e", "1e1234", "1.2.3", " 1",
        "1 ", "١٢٣", "1,5", "e5", "--1",
    ])
    func everythingElseIsNot(text: String) {
        #expect(NumberText.decimal(text) == nil, "\(text)")
    }

    @Test func integersAreDigitsWithAnOptionalMinus() {
        #expect(NumberText.integer("2019") == 2019 && NumberText.integer("-7") == -7)
        #expect(NumberText.integer("9223372036854775807") == .max)
        for text in ["+2019", "", "-", "1.0", "0x10", "9223372036854775808", "99999999999999999999", "1 000"] {
            #expect(NumberText.integer(text) == nil, "\(text)")
        }
    }
}
