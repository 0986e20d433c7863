/// A closed vocabulary whose raw values are the words of SPEC §1 and §5.
public protocol AtlasVocabulary: RawRepresentable, CaseIterable, Hashable, Sendable, Codable
where RawValue == String {}

extension AtlasVocabulary {
    /// The allowed words, comma separated, for error messages.
    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses a word or throws an error listing the allowed ones.
    public static func parse(_ text: String, field: String) throws(ModelError) -> Self {
        guard let value = Self(rawValue: text) else {
            throw ModelError.unknownValue(field: field, value: text, allowed: allowedList)
        }
        return value
    }
}

public enum Programme: String, AtlasVocabulary {
    case p30a = "30a"
    case p135 = "135"
    case ntm, other, existing
    /// 2021–2025: NTP for sustainable poverty reduction (QĐ 90/QĐ-TTg), 30a's successor.
    case ntpPoverty = "ntp_poverty"
    /// 2021–2025: NTP for ethnic-minority and mountainous areas (QĐ 1719/QĐ-TTg), 135's successor.
    case p1719 = "1719"
    /// From 2026: the one NTP for new rural development, poverty reduction and ethnic-minority areas.
    case ntp2026 = "ntp_2026"
}

public enum WorkCategory: String, AtlasVocabulary {
    case road, electricity, culture, health, school, irrigation, water, other
}

public enum RoadSurface: String, AtlasVocabulary {
    case earth, gravel, asphalt, concrete

    /// Asphalt and concrete are all-season ("cứng hóa").
    public var isHardened: Bool { self == .asphalt || self == .concrete }
}

public enum RoadClass: String, AtlasVocabulary {
    case toCommuneCentre = "to_commune_centre"
    case interCommune = "inter_commune"
    case toVillage = "to_village"
    case inVillage = "in_village"
    case field
}

public enum Exactness: String, AtlasVocabulary {
    case exact, approximate
    case adminUnit = "admin_unit"
}

public enum Investor: String, AtlasVocabulary {
    case province, district, commune, community
}

public enum FundingSource: String, AtlasVocabulary {
    case central, province, district, commune
    case communityCash = "community_cash"
    case communityInKind = "community_in_kind"
    case communityLabour = "community_labour"
    case international, enterprise
}

public enum UnitKind: String, AtlasVocabulary {
    case province, district, commune, village

    /// The length of a GSO code of this kind (a village: its commune's code and 3 more digits).
    public var codeDigits: Int? {
        switch self {
        case .province: 2
        case .district: 3
        case .commune: 5
        case .village: 8
        }
    }
}

public enum ClassificationFlag: String, AtlasVocabulary {
    case poor30a = "poor_30a"
    case difficult135 = "difficult_135"
    case border
    case safeZone = "safe_zone"
}
