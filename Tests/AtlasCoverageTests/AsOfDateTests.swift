import AtlasCoverage
import AtlasModel
import Testing

/// `--as-of`: a work serves on a date only if it was completed by then.
@Suite struct AsOfDateTests {
    typealias F = CoverageFixture

    static let clinic = F.work("H1", .health, .point(F.p(100, 0)), completedOn: "2019-06-30")
    static let undated = F.work("H2", .health, .point(F.p(100, 0)), completedOn: nil)

    @Test(arguments: ["2019-06-30", "2020-01-01"])
    func servesFromItsCompletionDay(asOf: String) {
        // Given a clinic completed 2019-06-30; Then it serves on that day (inclusive) and later
        #expect(F.servesOrigin(Self.clinic, asOf: asOf))
    }

    @Test func doesNotServeTheDayBefore() {
        #expect(!F.servesOrigin(Self.clinic, asOf: "2019-06-29"))
    }

    @Test func servesWithoutADateAsked() {
        #expect(F.servesOrigin(Self.clinic))
    }

    @Test func undatedWorkServesOnlyWhenNoDateIsAsked() {
        // Given a completed clinic without completed_on: nobody knows if it was open on a date
        #expect(!F.servesOrigin(Self.undated, asOf: "2030-01-01"))
        #expect(F.servesOrigin(Self.undated))
    }

    @Test func asOfAppliesToListedVillagesToo() {
        // Given a far-away clinic listing the village, completed 2019-06-30
        let listed = F.work(
            "H3", .health, .point(F.p(90_000, 0)), completedOn: "2019-06-30", villagesServed: ["00001001"])
        #expect(F.servesOrigin(listed, asOf: "2019-06-30"))
        #expect(!F.servesOrigin(listed, asOf: "2019-06-29"))
    }

    @Test func reportCarriesTheDate() throws {
        let date = try CalendarDate(iso: "2019-06-29")
        let world = F.inputs(communes: [F.commune("00001")], villages: [], works: [])
        #expect(CoverageEngine().compute(world, asOf: date).asOf == date)
        #expect(CoverageEngine().compute(world).asOf == nil)
    }
}
