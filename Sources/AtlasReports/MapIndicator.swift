import AtlasExport
import AtlasModel

/// What a printed map colours its communes by: one of the web map's indicators, read from the
/// commune map's properties so the printed classes are the web map's.
public enum MapIndicator: Hashable, Sendable {
    case povertyRate
    case povertyChange
    case coverage(WorkCategory)

    /// The names `--indicator` takes.
    public static var allowedList: String {
        "poverty_rate, poverty_change, " + WorkCategory.allCases.map { "coverage_\($0.rawValue)" }.joined(separator: ", ")
    }

    /// `poverty_rate`, `poverty_change` or `coverage_<category>`.
    public init(argument: String) throws(ModelError) {
        switch argument {
        case "poverty_rate": self = .povertyRate
        case "poverty_change": self = .povertyChange
        case let text where text.hasPrefix("coverage_"):
            let word = String(text.dropFirst("coverage_".count))
            guard let category = WorkCategory(rawValue: word) else {
                throw ModelError.unknownValue(field: "--indicator", value: text, allowed: Self.allowedList)
            }
            self = .coverage(category)
        default: throw ModelError.unknownValue(field: "--indicator", value: argument, allowed: Self.allowedList)
        }
    }

    public var scale: ChoroplethScale {
        switch self {
        case .povertyRate: .poverty
        case .povertyChange: .change
        case .coverage: .coverage
        }
    }

    /// The commune-map property the web map classifies (legend.js `value`).
    public var property: String {
        switch self {
        case .povertyRate: "poverty_rate"
        case .povertyChange: "poverty_change_points_per_year"
        case .coverage(let category): "coverage_\(category.rawValue)"
        }
    }

    /// The legend's heading, as the web map's (i18n.js `legendPoverty`, `legendChange`, `legendCoverage`).
    func legendTitle(year: Int, baselineYear: Int) -> Label {
        switch self {
        case .povertyRate: Label("Tỷ lệ hộ nghèo \(year)", "Poverty rate \(year)")
        case .povertyChange:
            Label(
                "Giảm tỷ lệ nghèo \(baselineYear)–\(year) (điểm %/năm)",
                "Poverty reduction \(baselineYear)–\(year) (points/year)")
        case .coverage(let c): Label("Tỷ lệ hộ được phục vụ: \(c.label.vi)", "Households served: \(c.label.en)")
        }
    }

    /// The map's title, before the province's name.
    func title(year: Int, baselineYear: Int) -> Label {
        switch self {
        case .povertyRate: Label("Bản đồ tỷ lệ hộ nghèo năm \(year)", "Poverty rate by commune, \(year)")
        case .povertyChange:
            Label(
                "Bản đồ mức giảm tỷ lệ hộ nghèo \(baselineYear)–\(year)",
                "Fall of the poverty rate by commune, \(baselineYear)–\(year)")
        case .coverage(let c):
            Label(
                "Bản đồ tỷ lệ hộ được phục vụ – \(c.label.vi.lowercased()), năm \(year)",
                "Households served by commune – \(c.label.en.lowercased()), \(year)")
        }
    }
}
