import AtlasCoverage
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation
import Testing

/// `worksatlas check` rules on the `TargetsFixture` world (period 2016-2020):
///
///     district 178 (A, B, C) not poor          district 179 (D, E) poor_30a
///     A 06100 no flag, village A1 06100001 difficult_135 (A2 06100002 not)
///     B 06103 difficult_135    C 06106 border    D 06200 safe_zone    E 06203 no flag
///
/// Each rule gets one work (or one statistic, or one village) that breaks only that rule.
@Suite(.enabled(if: SpatiaLiteAvailability.isAvailable))
struct DataCheckerTests {
    typealias F = TargetsFixture

    static let classifications = [
        "2016-2020,179,poor_30a", "2016-2020,06103,difficult_135", "2016-2020,06106,border",
        "2016-2020,06200,safe_zone", "2016-2020,06100001,difficult_135",
    ]

    /// Works that break no rule: 30a in the poor district, 135 in each kind of flagged commune and
    /// one 135 work in unflagged A that serves the difficult village A1; a paved, dated road.
    static let cleanWorks = [
        F.work("G30", programme: "30a", category: "school", wkt: F.point(35_000, 2000)),
        F.work("G135B", programme: "135", category: "health", wkt: F.point(15_000, 2000)),
        F.work("G135C", programme: "135", category: "culture", wkt: F.point(25_000, 2000)),
        F.work("G135D", programme: "135", category: "water", wkt: F.point(36_000, 2000)),
        F.work(
            "G135V", programme: "135", category: "electricity", villagesServed: "06100001", wkt: F.point(5000, 2000)),
        F.work("GR", category: "road", surface: "asphalt", wkt: F.line((1000, 1000), (9000, 1000))),
        F.work("GP", category: "school", status: "proposed", completedOn: "", wkt: F.point(45_000, 2000)),
    ]

    static func check(
        works: [String], villages: [String] = F.villageRows, stats: [String] = F.statsRows
    ) throws -> [Finding] {
        let world = try F.importWorld(
            villages: villages, stats: stats, classifications: classifications, works: works)
        return try DataChecker().run(on: world.database)
    }

    /// The parts of a finding a rule fixes (the reason is checked separately).
    static func keys(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.subject) \($0.id) \($0.rule)" }
    }

    // MARK: A clean world

    @Test func cleanWorldHasNoFindings() throws {
        // Given only eligible, dated, paved, exactly located works, consistent statistics and
        // villages inside their communes
        let findings = try Self.check(works: Self.cleanWorks)
        // Then nothing is reported
        #expect(findings.isEmpty, "\(Self.keys(findings))")
    }

    // MARK: Eligibility

    @Test func thirtyAWorkOutsideAPoorDistrictIsIneligible() throws {
        // Given a 30a school in A, district 178, which is not poor_30a
        let findings = try Self.check(
            works: [F.work("I30", programme: "30a", category: "school", wkt: F.point(5000, 5000))])
        // Then one error, naming the district and the period
        #expect(Self.keys(findings) == ["error work I30 ineligible_30a"])
        #expect(
            findings.first?.reason
                == "a 30a work must lie in a poor district; district 178 is not poor_30a in 2016-2020")
    }

    @Test func aProgrammeOutsideItsPeriodIsFlagged() throws {
        // Given a 1719 work (2021–2025) approved in 2018, in D (district 179, poor_30a)
        let findings = try Self.check(
            works: [
                F.work(
                    "P17", programme: "1719", category: "school", approvedOn: "2018-04-01", wkt: F.point(35_000, 5000))
            ])
        // Then a warning names the programme's period and the programmes of 2018's
        let warning = try #require(findings.first { $0.rule == "programme_out_of_period" })
        #expect(
            warning.reason
                == "programme 1719 belongs to 2021-2025, but the work was approved in 2018 (programmes of 2016-2020: 30a, 135)"
        )
    }

    @Test func thirtyAWorkInThePoorDistrictIsEligible() throws {
        // Given the same school in D, district 179 (poor_30a)
        let findings = try Self.check(
            works: [F.work("G30", programme: "30a", category: "school", wkt: F.point(35_000, 5000))])
        #expect(findings.isEmpty, "\(Self.keys(findings))")
    }

    /// Where a 135 school stands (x metres from O, at y = 2000) and which villages it lists.
    struct Placement: Sendable, CustomTestStringConvertible {
        let label: String
        let x: Double
        let villagesServed: String
        let commune: String

        var testDescription: String { label }
    }

    @Test(arguments: [
        Placement(label: "difficult_135 commune B", x: 15_000, villagesServed: "", commune: "06103"),
        Placement(label: "border commune C", x: 25_000, villagesServed: "", commune: "06106"),
        Placement(label: "safe_zone commune D", x: 36_000, villagesServed: "", commune: "06200"),
        Placement(
            label: "unflagged A serving difficult village A1", x: 5000, villagesServed: "06100001", commune: "06100"),
        Placement(
            label: "unflagged A serving A2 and difficult A1", x: 5000, villagesServed: "06100002;06100001",
            commune: "06100"),
    ])
    func oneThirtyFiveWorkIsEligible(_ placement: Placement) throws {
        // Given a 135 school placed as described
        let findings = try Self.check(
            works: [
                F.work(
                    "G135", programme: "135", category: "school", villagesServed: placement.villagesServed,
                    wkt: F.point(placement.x, 2000))
            ])
        // Then it is eligible
        #expect(findings.isEmpty, "\(placement.label): \(Self.keys(findings))")
    }

    @Test(arguments: [
        Placement(label: "unflagged commune A, no village listed", x: 5000, villagesServed: "", commune: "06100"),
        Placement(
            label: "unflagged commune A serving non-difficult A2", x: 5000, villagesServed: "06100002",
            commune: "06100"),
        Placement(label: "unflagged commune E in the poor district", x: 45_000, villagesServed: "", commune: "06203"),
    ])
    func oneThirtyFiveWorkIsIneligible(_ placement: Placement) throws {
        // Given a 135 school in a commune without difficult_135, border or safe_zone, serving no
        // difficult village (a poor district does not make a 135 work eligible)
        let findings = try Self.check(
            works: [
                F.work(
                    "I135", programme: "135", category: "school", villagesServed: placement.villagesServed,
                    wkt: F.point(placement.x, 2000))
            ])
        // Then one error saying why
        #expect(Self.keys(findings) == ["error work I135 ineligible_135"], "\(placement.label)")
        #expect(
            findings.first?.reason
                == "a 135 work must lie in a difficult_135, border or safe_zone commune "
                + "or serve a difficult_135 village; commune \(placement.commune) has none of these flags "
                + "in 2016-2020 and no village served is difficult_135",
            "\(placement.label)")
    }

    // MARK: Other work rules

    @Test func declaredCommuneThatDisagreesWithTheGeometry() throws {
        // Given a school at (5000, 5000), in A, declared in B
        let findings = try Self.check(
            works: [F.work("CD", category: "school", communeCode: "06103", wkt: F.point(5000, 5000))])
        // Then a warning; the derived commune stands
        #expect(Self.keys(findings) == ["warning work CD commune_disagrees"])
        #expect(findings.first?.reason == "declared commune 06103 but the geometry lies in 06100")
    }

    @Test func declaredCommuneThatAgreesIsNotReported() throws {
        let findings = try Self.check(
            works: [F.work("OK", category: "school", communeCode: "06100", wkt: F.point(5000, 5000))])
        #expect(findings.isEmpty, "\(Self.keys(findings))")
    }

    @Test(arguments: ["completed", "handed_over"])
    func servingWorkWithoutCompletionDate(status: String) throws {
        // Given a completed (or handed-over) school without completed_on
        let findings = try Self.check(
            works: [F.work("ND", category: "school", status: status, completedOn: "", wkt: F.point(5000, 5000))])
        // Then an error
        #expect(Self.keys(findings) == ["error work ND completed_without_date"])
        #expect(findings.first?.reason == "status \(status) but no completed_on date")
    }

    @Test func handedOverWorkIsDueUntilMaintainedWithinTheRulesYears() throws {
        // Given a school handed over in 2015 and never maintained
        let world = try F.importWorld(
            villages: F.villageRows, stats: F.statsRows, classifications: Self.classifications,
            works: [
                F.work(
                    "HO", category: "school", status: "handed_over", completedOn: "2015-05-01", wkt: F.point(5000, 5000)
                )
            ])
        let asOf = try CalendarDate(iso: "2020-01-01")
        // Then as of 2020 it is due under the standard 3 years, and not under 5
        let due = try DataChecker().run(on: world.database, asOf: asOf)
        #expect(Self.keys(due) == ["warning work HO maintenance_due"])
        #expect(
            due.first?.reason
                == "handed over and no maintenance in the 3 years before 2020-01-01 (never maintained since completion on 2015-05-01)"
        )
        var lenient = CoverageRules.standard
        lenient.maintenanceDueYears = 5
        #expect(try DataChecker().run(on: world.database, rules: lenient, asOf: asOf).isEmpty)
        // When it is maintained in 2018, it is no longer due
        _ = try world.database.recordMaintenance(
            try MaintenanceEvent(happenedOn: try CalendarDate(iso: "2018-01-01"), costVND: 1), workId: "HO",
            by: .commandLine, today: asOf, authorize: { _ in }, render: { _ in "{}" })
        #expect(try DataChecker().run(on: world.database, asOf: asOf).isEmpty)
    }

    @Test func unfinishedWorkNeedsNoCompletionDate() throws {
        // Given an approved school without completed_on: nothing to report
        let findings = try Self.check(
            works: [F.work("UC", category: "school", status: "approved", completedOn: "", wkt: F.point(5000, 5000))])
        #expect(findings.isEmpty, "\(Self.keys(findings))")
    }

    @Test func roadWithoutSurface() throws {
        // Given a completed, dated road in A with no surface
        let findings = try Self.check(
            works: [F.work("RS", category: "road", wkt: F.line((1000, 1000), (9000, 1000)))])
        // Then a warning
        #expect(Self.keys(findings) == ["warning work RS road_without_surface"])
        #expect(findings.first?.reason == "a road without surface never counts as all-season")
    }

    @Test func workLocatedOnlyByItsCommune() throws {
        // Given a school whose point is only its commune's (exactness admin_unit)
        let findings = try Self.check(
            works: [F.work("AU", category: "school", exactness: "admin_unit", wkt: F.point(5000, 5000))])
        // Then an info note, not a warning
        #expect(Self.keys(findings) == ["info work AU located_by_commune_only"])
        #expect(
            findings.first?.reason
                == "located only by its commune (exactness admin_unit): left out of distance-based coverage")
    }

    @Test func workInTheProvinceButInNoCommune() throws {
        // Given a school at (-1000, 5000): inside the province boundary, west of commune A
        let findings = try Self.check(works: [F.work("OUT", category: "school", wkt: F.point(-1000, 5000))])
        // Then an error
        #expect(Self.keys(findings) == ["error work OUT outside_communes"])
    }

    // MARK: Statistics and villages

    @Test func moreHouseholdsPoorThanThereAreHouseholds() throws {
        // Given statistics for B in 2021: 100 households, 120 poor
        // When they are imported, then the row is refused by line and nothing is stored
        #expect(throws: ImportFailure.self) {
            try F.importWorld(
                stats: F.statsRows + ["2021,06103,100,120,0"], classifications: Self.classifications,
                works: Self.cleanWorks)
        }
        // And a file written before that check existed gets an error from `worksatlas check`
        let world = try F.importWorld(stats: F.statsRows, classifications: Self.classifications, works: Self.cleanWorks)
        try Self.storeUncheckedStatistics(in: world.database)
        let findings = try DataChecker().run(on: world.database)
        #expect(Self.keys(findings) == ["error statistics 06103/2021 poor_exceeds_households"])
        #expect(findings.first?.reason == "poor_households 120 exceeds households 100")
    }

    /// 100 households of which 120 poor in B, 2021, stored past the import's checks.
    static func storeUncheckedStatistics(in database: AppDatabase) throws {
        try database.saveStats(
            [YearStats(year: 2021, code: "06103", households: 100, poorHouseholds: 120, nearPoorHouseholds: 0)],
            source: DataSource(kind: "statistics", file: "stats-from-an-older-version.csv"))
    }

    @Test func villageWhosePointLiesInAnotherCommune() throws {
        // Given village A3 of commune A placed at (15000, 5000), inside B
        let findings = try Self.check(
            works: Self.cleanWorks,
            villages: F.villageRows + [F.village("06100003", "06100", "Bản A3", 15_000, 5000, 40)])
        // Then a warning naming its commune
        #expect(Self.keys(findings) == ["warning village 06100003 village_outside_commune"])
        #expect(findings.first?.reason == "the village location lies outside its commune 06100")
    }

    // MARK: The order `worksatlas check` prints

    @Test func findingsAreSortedErrorsFirst() throws {
        // Given one of every problem
        let works = [
            F.work("AU", category: "school", exactness: "admin_unit", wkt: F.point(5000, 5000)),
            F.work(
                "RS", category: "road", status: "proposed", completedOn: "", wkt: F.line((1000, 1000), (9000, 1000))),
            F.work("CD", category: "school", communeCode: "06103", wkt: F.point(5000, 6000)),
            F.work("OUT", category: "school", wkt: F.point(-1000, 5000)),
            F.work("ND", category: "school", completedOn: "", wkt: F.point(5000, 7000)),
            F.work("I30", programme: "30a", category: "school", wkt: F.point(5000, 8000)),
            F.work("I135", programme: "135", category: "school", villagesServed: "06100002", wkt: F.point(5000, 9000)),
        ]
        let world = try F.importWorld(
            villages: F.villageRows + [F.village("06100003", "06100", "Bản A3", 15_000, 5000, 40)],
            stats: F.statsRows, classifications: Self.classifications, works: works)
        try Self.storeUncheckedStatistics(in: world.database)
        let findings = try DataChecker().run(on: world.database)
        // Then errors, then warnings, then info; within a severity by subject, id and rule
        // ("statistics" < "village" < "work"; "I135" < "I30" < "ND" < "OUT")
        #expect(
            Self.keys(findings) == [
                "error statistics 06103/2021 poor_exceeds_households",
                "error work I135 ineligible_135",
                "error work I30 ineligible_30a",
                "error work ND completed_without_date",
                "error work OUT outside_communes",
                "warning village 06100003 village_outside_commune",
                "warning work CD commune_disagrees",
                "warning work RS road_without_surface",
                "info work AU located_by_commune_only",
            ])
        // And as `check --quiet` does, dropping info leaves the errors and warnings; any error
        // makes the command fail
        let quiet = findings.filter { $0.severity != .info }
        #expect(quiet.count == 8)
        #expect(quiet.contains { $0.severity == .error })
        #expect(findings == findings.sorted())
    }

    @Test func oneWorkBreakingSeveralRulesListsEachSeverityInOrder() throws {
        // Given a 135 road in A, no surface, located by its commune only, declared in B
        let findings = try Self.check(
            works: [
                F.work(
                    "X1", programme: "135", category: "road", communeCode: "06103", exactness: "admin_unit",
                    wkt: F.line((1000, 1000), (9000, 1000)))
            ])
        // Then the error first, the two warnings by rule name, the note last
        #expect(
            Self.keys(findings) == [
                "error work X1 ineligible_135",
                "warning work X1 commune_disagrees",
                "warning work X1 road_without_surface",
                "info work X1 located_by_commune_only",
            ])
    }
}
