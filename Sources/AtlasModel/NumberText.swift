/// Numbers as people write them in files and URLs: plain decimals only. Swift's `Double(_:)`
/// also takes `0x6A` (106), `nan`, `inf` and `1_0`, and `Int64(_:)` takes `+5`; none of those
/// is a coordinate or a count anyone meant.
public enum NumberText {
    /// `-106.5`, `21`, `.5`, `1e-3` → the finite value; anything else → nil.
    public static func decimal(_ text: String) -> Double? {
        guard text.wholeMatch(of: /-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?/) != nil, let value = Double(text),
            value.isFinite
        else { return nil }
        return value
    }

    /// Digits with an optional minus sign → the value when it fits in Int64.
    public static func integer(_ text: String) -> Int64? {
        guard text.wholeMatch(of: /-?\d{1,19}/) != nil else { return nil }
        return Int64(text)
    }
}
