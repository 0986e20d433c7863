import AtlasModel
import Foundation
import Testing

@Suite struct CoverageRulesTests {
    /// A rules file as it would be versioned with the data; `distances` replaces the distance map.
    static func json(
        distances: String, statuses: String = #"["completed", "handed_over"]"#, extra: String = ""
    ) -> Data {
        Data(
            """
            {"version": "test/1", "metric_srid": 3405,
             "service_distance_m": {\(distances)},
             "serving_statuses": \(statuses),
             "serving_road_surfaces": ["asphalt", "concrete"],
             "excluded_exactness": ["admin_unit"]\(extra)}
            """.utf8)
    }

    static let allDistances =
        #""road": 2000, "electricity": 1000, "culture": 1000, "health": 5000, "school": 3000, "irrigation": 1000, "water": 1000, "other": 1000"#

    private func decode(_ data: Data) throws -> CoverageRules {
        try JSONDecoder().decode(CoverageRules.self, from: data)
    }

    @Test func standardRulesSurviveAJSONRoundTrip() throws {
        // Given the SPEC §2 defaults; When encoded and decoded again
        let data = try JSONEncoder().encode(CoverageRules.standard)
        let back = try decode(data)
        // Then nothing is lost
        #expect(back == .standard)
        #expect(back.distance(for: .road) == 2000)
        #expect(back.distance(for: .health) == 5000)
        #expect(back.distance(for: .school) == 3000)
    }

    @Test func encodedFormUsesSnakeCaseWords() throws {
        // Given the defaults encoded with sorted keys
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(CoverageRules.standard), as: UTF8.self)
        // Then the file speaks the SPEC words, lists sorted so diffs stay small
        #expect(text.contains(#""serving_statuses":["completed","handed_over"]"#))
        #expect(text.contains(#""serving_road_surfaces":["asphalt","concrete"]"#))
        #expect(text.contains(#""excluded_exactness":["admin_unit"]"#))
        #expect(text.contains(#""metric_srid":3405"#))
        #expect(text.contains(#""health":5000"#))
    }

    @Test func fileWithEveryCategoryDecodesToTheDefaults() throws {
        let rules = try decode(Self.json(distances: Self.allDistances))
        #expect(rules.serviceDistanceM == CoverageRules.standard.serviceDistanceM)
        #expect(rules.servingStatuses == [.completed, .handedOver])
        #expect(rules.excludedExactness == [.adminUnit])
    }

    @Test func optionalKeysHaveDefaults() throws {
        // Given a file without metric_srid and without excluded_exactness
        let data = Data(
            #"{"version": "v", "service_distance_m": {\#(Self.allDistances)}, "serving_statuses": ["completed"], "serving_road_surfaces": []}"#
                .utf8)
        let rules = try decode(data)
        // Then the metric space is EPSG:3405 and no exactness is excluded
        #expect(rules.metricSRID == 3405)
        #expect(rules.excludedExactness.isEmpty)
        #expect(rules.servingRoadSurfaces.isEmpty)
    }

    @Test func unknownCategoryKeyIsRefusedListingTheCategories() {
        // Given a distance for "hospital", which is no category
        let data = Self.json(distances: Self.allDistances + #", "hospital": 5000"#)
        // Then decoding fails naming the key and the allowed categories
        let error = #expect(throws: ModelError.self) { try decode(data) }
        #expect(
            error == .unknownValue(field: "service_distance_m", value: "hospital", allowed: WorkCategory.allowedList))
    }

    @Test func negativeDistanceIsRefused() {
        let data = Self.json(
            distances: Self.allDistances.replacingOccurrences(of: #""health": 5000"#, with: #""health": -5"#))
        let error = #expect(throws: ModelError.self) { try decode(data) }
        #expect(error?.field == "service_distance_m.health")
        #expect(error?.description == "a distance must be ≥ 0 metres")
    }

    @Test func missingCategoryIsRefused() {
        // Given every category but water
        let data = Self.json(distances: Self.allDistances.replacingOccurrences(of: #", "water": 1000"#, with: ""))
        // Then the error says which category has no distance
        let error = #expect(throws: ModelError.self) { try decode(data) }
        #expect(error == .invalid(field: "service_distance_m", value: "water", reason: "no distance for water"))
    }

    @Test func unknownStatusIsRefused() {
        let data = Self.json(distances: Self.allDistances, statuses: #"["completed", "finished"]"#)
        let error = #expect(throws: ModelError.self) { try decode(data) }
        #expect(error == .unknownValue(field: "serving_statuses", value: "finished", allowed: WorkStatus.allowedList))
    }

    @Test func loadNamesTheFileInItsErrors() throws {
        // Given a rules file with a negative distance on disk
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        try Self.json(distances: Self.allDistances.replacingOccurrences(of: "2000", with: "-1")).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // When it is loaded; Then the error names the file and the bad key
        let error = #expect(throws: ModelError.self) { try CoverageRules.load(from: url) }
        #expect(error?.field == url.lastPathComponent)
        #expect(error?.description.contains("service_distance_m.road") == true)
    }

    @Test func maintenanceDueYearsIsReadAndDefaultsToThree() throws {
        // Given the standard file (no key) and one asking for 5 years
        #expect(try decode(Self.json(distances: Self.allDistances)).maintenanceDueYears == 3)
        let five = try decode(Self.json(distances: Self.allDistances, extra: #", "maintenance_due_years": 5"#))
        // Then the key is read
        #expect(five.maintenanceDueYears == 5)
    }

    @Test(arguments: [
        ("0", "got 0"), ("51", "got 51"), ("2.5", "got 2.5"), (#""3""#, #"got "3""#), ("null", "got not a number"),
    ])
    func maintenanceDueYearsOutsideOneToFiftyIsRefused(value: String, said: String) {
        let data = Self.json(distances: Self.allDistances, extra: #", "maintenance_due_years": \#(value)"#)
        let error = #expect(throws: ModelError.self) { try decode(data) }
        #expect(error?.field == "maintenance_due_years")
        #expect(error?.description == "must be a whole number of years from 1 to 50, \(said)")
    }

    @Test func loadReadsAGoodFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        try JSONEncoder().encode(CoverageRules.standard).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try CoverageRules.load(from: url) == .standard)
    }

    @Test func servesChecksStatusSurfaceAndDate() throws {
        let rules = CoverageRules.standard
        let june30 = try CalendarDate(iso: "2019-06-30"), june29 = try CalendarDate(iso: "2019-06-29")
        func serves(
            _ c: WorkCategory, _ s: WorkStatus, _ surface: RoadSurface? = nil, on: CalendarDate? = nil,
            asOf: CalendarDate? = nil
        ) -> Bool {
            rules.serves(category: c, status: s, surface: surface, exactness: .exact, completedOn: on, asOf: asOf)
        }
        #expect(serves(.health, .completed))
        #expect(serves(.health, .handedOver))
        #expect(!serves(.health, .underConstruction))
        #expect(serves(.road, .completed, .concrete))
        #expect(!serves(.road, .completed, .gravel))
        #expect(!serves(.road, .completed, nil))
        #expect(serves(.school, .completed, on: june30, asOf: june30))
        #expect(!serves(.school, .completed, on: june30, asOf: june29))
        #expect(!serves(.school, .completed, on: nil, asOf: june29))
        #expect(rules.countsByDistance(.exact) && rules.countsByDistance(.approximate))
        #expect(!rules.countsByDistance(.adminUnit))
    }
}

/// `priority_weights` in the rules file.
@Suite struct PriorityWeightsTests {
    static func rules(_ weights: String) -> Data {
        Data(
            """
            {"version": "v", "service_distance_m": {\(CoverageRulesTests.allDistances)},
             "serving_statuses": ["completed"], "serving_road_surfaces": ["asphalt"],
             "priority_weights": \(weights)}
            """.utf8)
    }

    private func decode(_ weights: String) throws -> CoverageRules {
        try JSONDecoder().decode(CoverageRules.self, from: Self.rules(weights))
    }

    @Test func weightsAreRead() throws {
        let rules = try decode(#"{"unserved_poor_households": 2, "unserved_households": 0.5, "eligible_bonus": 0}"#)
        let expected = PriorityWeights(unservedPoorHouseholds: 2, unservedHouseholds: 0.5, eligibleBonus: 0)
        #expect(rules.priorityWeights == expected)
    }

    @Test func theBundledFileHoldsTheStandardWeights() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/coverage-rules.json")
        #expect(try CoverageRules.load(from: url) == .standard)
    }

    @Test(arguments: [
        (#"{"unserved_poor_households": 1, "unserved_households": 0.1}"#, "no weight for eligible_bonus"),
        (#"{"unserved_poor_households": 1, "unserved_households": 0.1, "eligible_bonus": 0, "poverty": 1}"#, "poverty"),
        (#"{"unserved_poor_households": -1, "unserved_households": 0.1, "eligible_bonus": 0}"#, "≥ 0"),
        (#"{"unserved_poor_households": 0, "unserved_households": 0, "eligible_bonus": 1}"#, "every commune scores 0"),
    ])
    func badWeightsAreRefused(weights: String, message: String) throws {
        let error = #expect(throws: ModelError.self) { try decode(weights) }
        let text = error.map { "\($0.field) \($0.value) \($0.description)" } ?? ""
        #expect(text.contains(message), "\(text)")
    }

    @Test func aFileWithoutWeightsUsesTheStandardOnes() throws {
        let data = Data(
            #"{"version": "v", "service_distance_m": {\#(CoverageRulesTests.allDistances)}, "serving_statuses": ["completed"], "serving_road_surfaces": []}"#
                .utf8)
        #expect(try JSONDecoder().decode(CoverageRules.self, from: data).priorityWeights == .standard)
    }
}
