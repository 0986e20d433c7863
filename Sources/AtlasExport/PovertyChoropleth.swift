/// The web map's poverty choropleth (`ChoroplethScale.poverty`, the commune style of
/// Maps/map.js) for QGIS.
enum PovertyChoropleth {
    /// Class i is [breaks[i-1], breaks[i]) in percent, as `WA.classOf` computes it.
    static let breaksPercent = ChoroplethScale.poverty.breaks.map { Int($0) }
    /// YlOrRd (ColorBrewer), one colour per class.
    static let palette = ChoroplethScale.poverty.palette
    static let noData = ChoroplethScale.noData
    /// `communeStyle` in map.js: fillOpacity 0.85, outline #6f6f6f, weight 0.6 px, opacity 0.9.
    static let fillOpacity = 0.85
    static let outline = ChoroplethScale.outline
    static let outlineOpacity = ChoroplethScale.outlineOpacity
    static let outlineWidthPixels = 0.6
    static let field = "poverty_rate"

    struct Class {
        var label: String
        /// A QGIS expression on the field (a fraction, 0.05 = 5 %).
        var filter: String
        var colour: String
        /// Bounds as fractions, for SLD; nil is open.
        var lower: Double?
        var upper: Double?
    }

    /// The classes with the legend's labels ("< 5 %", "5–10 %", …, "≥ 30 %"), then no data.
    static var classes: [Class] {
        let b = breaksPercent
        let f = "\"\(field)\""
        func fraction(_ percent: Int) -> Double { Double(percent) / 100 }
        var result = [Class(label: "< \(b[0]) %", filter: "\(f) < \(fraction(b[0]))", colour: palette[0], upper: fraction(b[0]))]
        for i in 1..<b.count {
            result.append(
                Class(
                    label: "\(b[i - 1])–\(b[i]) %", filter: "\(f) >= \(fraction(b[i - 1])) AND \(f) < \(fraction(b[i]))",
                    colour: palette[i], lower: fraction(b[i - 1]), upper: fraction(b[i])))
        }
        result.append(
            Class(label: "≥ \(b[b.count - 1]) %", filter: "\(f) >= \(fraction(b[b.count - 1]))", colour: palette[b.count],
                lower: fraction(b[b.count - 1])))
        result.append(Class(label: "Không có số liệu (no data)", filter: "\(f) IS NULL", colour: noData))
        return result
    }

    static func style(layer: String) -> LayerStyle {
        LayerStyle(
            table: layer, name: "poverty_rate", qml: qml, sld: sld(layer: layer),
            description: "Poverty rate classes and colours of the WorksAtlas web map")
    }

    /// "#fd8d3c" and an opacity as QGIS's "r,g,b,a".
    static func rgba(_ hex: String, _ opacity: Double = 1) -> String {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return "\(v >> 16 & 255),\(v >> 8 & 255),\(v & 255),\(Int((opacity * 255).rounded()))"
    }
}
