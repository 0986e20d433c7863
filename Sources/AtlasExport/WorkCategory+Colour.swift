import AtlasModel

extension WorkCategory {
    /// The category's colour on the web map (Maps/legend.js `WA.categoryColors`): Okabe–Ito,
    /// which the common colour-vision deficiencies still tell apart; roads black, as on most maps.
    public var colour: String {
        switch self {
        case .road: "#1a1a1a"
        case .electricity: "#F0E442"
        case .culture: "#CC79A7"
        case .health: "#E69F00"
        case .school: "#0072B2"
        case .irrigation: "#56B4E9"
        case .water: "#009E73"
        case .other: "#D55E00"
        }
    }
}
