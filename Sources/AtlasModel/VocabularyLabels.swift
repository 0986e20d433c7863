/// What each word of a vocabulary is called for people, Vietnamese first, then English: the
/// map page reads these from the server (`/vocabulary.js`), so the words and their order are
/// defined once, here and in the enums.
public struct Label: Hashable, Sendable {
    public let vi: String
    public let en: String

    public init(_ vi: String, _ en: String) {
        self.vi = vi
        self.en = en
    }
}

public protocol LabeledVocabulary: AtlasVocabulary {
    var label: Label { get }
}

extension WorkCategory: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .road: Label("Giao thông", "Roads")
        case .electricity: Label("Điện", "Electricity")
        case .culture: Label("Văn hóa – thông tin", "Culture & radio")
        case .health: Label("Y tế", "Health")
        case .school: Label("Trường học", "Schools")
        case .irrigation: Label("Thủy lợi nhỏ", "Small irrigation")
        case .water: Label("Nước sinh hoạt", "Domestic water")
        case .other: Label("Khác", "Other")
        }
    }
}

extension WorkStatus: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .proposed: Label("Đề xuất", "Proposed")
        case .approved: Label("Đã phê duyệt", "Approved")
        case .underConstruction: Label("Đang thi công", "Under construction")
        case .completed: Label("Hoàn thành", "Completed")
        case .handedOver: Label("Đã bàn giao", "Handed over")
        case .cancelled: Label("Đã hủy", "Cancelled")
        }
    }
}

extension Programme: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .p30a: Label("Chương trình 30a", "Programme 30a")
        case .p135: Label("Chương trình 135", "Programme 135")
        case .ntm: Label("Nông thôn mới", "New rural development")
        case .other: Label("Nguồn khác", "Other funding")
        case .existing: Label("Công trình có sẵn", "Existing infrastructure")
        case .ntpPoverty: Label("CTMTQG giảm nghèo bền vững 2021–2025", "NTP sustainable poverty reduction 2021–2025")
        case .p1719: Label("CTMTQG vùng đồng bào DTTS&MN (1719)", "NTP ethnic-minority areas (1719)")
        case .ntp2026: Label("CTMTQG hợp nhất từ 2026", "Merged NTP from 2026")
        }
    }
}

extension RoadSurface: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .earth: Label("Đất", "Earth")
        case .gravel: Label("Cấp phối", "Gravel")
        case .asphalt: Label("Nhựa", "Asphalt")
        case .concrete: Label("Bê tông", "Concrete")
        }
    }
}

extension RoadClass: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .toCommuneCentre: Label("Đến trung tâm xã", "To the commune centre")
        case .interCommune: Label("Liên xã", "Inter-commune")
        case .toVillage: Label("Đến thôn, bản", "To a village")
        case .inVillage: Label("Trong thôn, bản", "Inside a village")
        case .field: Label("Nội đồng", "Field road")
        }
    }
}

extension Exactness: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .exact: Label("Chính xác (đo đạc, GPS)", "Exact (survey, GPS)")
        case .approximate: Label("Gần đúng (đặt trên bản đồ)", "Approximate (placed on a map)")
        case .adminUnit: Label("Chỉ biết xã (đặt tại tâm xã)", "Commune only (at its centroid)")
        }
    }
}

extension Investor: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .province: Label("Tỉnh", "Province")
        case .district: Label("Huyện", "District")
        case .commune: Label("Xã", "Commune")
        case .community: Label("Cộng đồng", "Community")
        }
    }
}

extension ClassificationFlag: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .poor30a: Label("Huyện nghèo (30a)", "Poor district (30a)")
        case .difficult135: Label("Xã đặc biệt khó khăn (135)", "Extremely difficult commune (135)")
        case .border: Label("Xã biên giới", "Border commune")
        case .safeZone: Label("Xã an toàn khu (ATK)", "Safe-zone commune (ATK)")
        }
    }
}

extension FundingSource: LabeledVocabulary {
    public var label: Label {
        switch self {
        case .central: Label("Ngân sách trung ương", "Central budget")
        case .province: Label("Ngân sách tỉnh", "Province budget")
        case .district: Label("Ngân sách huyện", "District budget")
        case .commune: Label("Ngân sách xã", "Commune budget")
        case .communityCash: Label("Nhân dân góp tiền", "Community cash")
        case .communityInKind: Label("Nhân dân góp hiện vật", "Community in kind")
        case .communityLabour: Label("Nhân dân góp ngày công", "Community labour")
        case .international: Label("Vốn quốc tế", "International")
        case .enterprise: Label("Doanh nghiệp", "Enterprises")
        }
    }
}

/// The vocabularies the map page shows, by the name the page uses for each group.
public enum PageVocabulary {
    public static let groups: [(name: String, words: [(code: String, label: Label)])] = [
        ("category", words(WorkCategory.self)), ("status", words(WorkStatus.self)),
        ("programme", words(Programme.self)), ("surface", words(RoadSurface.self)),
        ("road_class", words(RoadClass.self)), ("exactness", words(Exactness.self)),
        ("investor", words(Investor.self)), ("flag", words(ClassificationFlag.self)),
        ("source", words(FundingSource.self)),
    ]

    static func words<T: LabeledVocabulary>(_: T.Type) -> [(code: String, label: Label)] {
        T.allCases.map { ($0.rawValue, $0.label) }
    }
}
