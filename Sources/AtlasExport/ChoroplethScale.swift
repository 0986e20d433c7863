/// One indicator of the web map (Maps/legend.js, `WA.indicators`): the commune-map property it
/// reads, its fixed class breaks and its ColorBrewer palette. The QGIS style and the printed map
/// classify with these; legend.js is the browser's copy, and `ChoroplethScaleTests` fails when
/// the two differ (the page is plain scripts without a build step, the binary must not need Maps/).
public struct ChoroplethScale: Sendable {
    /// The indicator's key in `WA.indicators`.
    public let key: String
    /// Class i is [breaks[i-1], breaks[i]) in display units, as `WA.classOf` computes it.
    public let breaks: [Double]
    /// Exactly 0 (or less) is a class of its own before the first break (coverage: nobody served).
    public let zeroClass: Bool
    /// What the property is multiplied by to give display units (fraction → percent).
    public let factor: Double
    public let unit: String
    public let palette: [String]

    public static let noData = "#b3b3b3"
    /// The communes' outline (`communeStyle` in Maps/map.js: #6f6f6f at opacity 0.9).
    public static let outline = "#6f6f6f"
    public static let outlineOpacity = 0.9

    /// Poverty rate in percent, YlOrRd.
    public static let poverty = ChoroplethScale(
        key: "poverty", breaks: [5, 10, 20, 30], zeroClass: false, factor: 100, unit: " %",
        palette: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
    /// Fall of the poverty rate since the baseline year, points a year, YlGn.
    public static let change = ChoroplethScale(
        key: "change", breaks: [0, 2, 3, 4], zeroClass: false, factor: 1, unit: "",
        palette: ["#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837"])
    /// Share of households served, percent, YlGnBu.
    public static let coverage = ChoroplethScale(
        key: "coverage", breaks: [25, 50, 75], zeroClass: true, factor: 100, unit: " %",
        palette: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"])

    public static let all = [poverty, change, coverage]

    /// The class of a property value (a fraction for rates), nil for no data: `WA.classOf` of
    /// `num(value, factor)`, multiplied the same way so a value on a break falls as it does there.
    public func classIndex(ofProperty value: Double?) -> Int? {
        guard let value, value.isFinite else { return nil }
        let v = value * factor
        var offset = 0
        if zeroClass {
            if v <= 0 { return 0 }
            offset = 1
        }
        var i = 0
        while i < breaks.count, v >= breaks[i] { i += 1 }
        return i + offset
    }

    public var classCount: Int { palette.count }

    /// The classes' labels as `WA.classLabels` writes them: "< 5 %", "5–10 %", …, "≥ 30 %";
    /// `increase` names a negative fall ("< 0 (tăng / increase)").
    public func labels(increase: String) -> [String] {
        func f(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        var labels: [String] = []
        if zeroClass {
            labels.append(f(0) + unit)
            labels.append("> " + f(0) + "–" + f(breaks[0]) + unit)
        } else {
            labels.append("< " + f(breaks[0]) + unit + (key == "change" ? " (\(increase))" : ""))
        }
        for i in 1..<breaks.count { labels.append(f(breaks[i - 1]) + "–" + f(breaks[i]) + unit) }
        labels.append("≥ " + f(breaks[breaks.count - 1]) + unit)
        return labels
    }
}
