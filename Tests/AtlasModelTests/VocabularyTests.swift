import AtlasModel
import Testing

@Suite struct VocabularyTests {
    @Test func unknownCategoryListsTheAllowedWords() {
        // Given a word that is not a category
        let error = #expect(throws: ModelError.self) { try WorkCategory.parse("hospital", field: "category") }
        // Then the error names field and value and lists the eight categories in SPEC order
        let allowed = "road, electricity, culture, health, school, irrigation, water, other"
        #expect(error == .unknownValue(field: "category", value: "hospital", allowed: allowed))
        #expect(error?.description == "unknown value \"hospital\" (allowed: \(allowed))")
    }

    @Test func unknownStatusListsTheSnakeCaseWords() {
        let error = #expect(throws: ModelError.self) { try WorkStatus.parse("underConstruction", field: "status") }
        #expect(
            error?.description
                == "unknown value \"underConstruction\" (allowed: proposed, approved, under_construction, completed, handed_over, cancelled)"
        )
    }

    @Test func wordsAreCaseSensitive() {
        // "Asphalt" is not "asphalt": files must use the SPEC words
        let error = #expect(throws: ModelError.self) { try RoadSurface.parse("Asphalt", field: "surface") }
        #expect(error == .unknownValue(field: "surface", value: "Asphalt", allowed: "earth, gravel, asphalt, concrete"))
    }

    @Test func otherVocabulariesListTheirWords() {
        #expect(Exactness.allowedList == "exact, approximate, admin_unit")
        #expect(Programme.allowedList == "30a, 135, ntm, other, existing, ntp_poverty, 1719, ntp_2026")
        #expect(Investor.allowedList == "province, district, commune, community")
        #expect(RoadClass.allowedList == "to_commune_centre, inter_commune, to_village, in_village, field")
        #expect(UnitKind.allowedList == "province, district, commune, village")
        #expect(ClassificationFlag.allowedList == "poor_30a, difficult_135, border, safe_zone")
        #expect(
            FundingSource.allowedList
                == "central, province, district, commune, community_cash, community_in_kind, community_labour, international, enterprise"
        )
    }

    @Test func everyWordParsesBackToItsCase() throws {
        // Given every case of every vocabulary; When its raw word is parsed; Then it is the same case
        for c in WorkCategory.allCases { #expect(try WorkCategory.parse(c.rawValue, field: "f") == c) }
        for c in WorkStatus.allCases { #expect(try WorkStatus.parse(c.rawValue, field: "f") == c) }
        for c in RoadSurface.allCases { #expect(try RoadSurface.parse(c.rawValue, field: "f") == c) }
        for c in Exactness.allCases { #expect(try Exactness.parse(c.rawValue, field: "f") == c) }
        for c in Programme.allCases { #expect(try Programme.parse(c.rawValue, field: "f") == c) }
        for c in FundingSource.allCases { #expect(try FundingSource.parse(c.rawValue, field: "f") == c) }
    }

    @Test func onlyAsphaltAndConcreteAreHardened() {
        #expect(RoadSurface.allCases.filter(\.isHardened) == [.asphalt, .concrete])
    }
}
