import AtlasModel
import Testing

@Suite struct MaintenanceEventTests {
    static let work = Work(
        id: "W-1", name: "Giếng", programme: .p135, category: .water, status: .handedOver,
        geometry: .point(Position(x: 106.05, y: 21.05)), completedOn: try? CalendarDate(iso: "2019-06-30"))

    static func event(_ day: String, _ cost: Int64 = 1) throws -> MaintenanceEvent {
        try MaintenanceEvent(happenedOn: try CalendarDate(iso: day), costVND: cost)
    }

    @Test(arguments: [
        ("1500000", Int64(1_500_000)), ("1.500.000", 1_500_000), ("1 500 000", 1_500_000), ("800.000 đ", 800_000),
        ("0", 0),
    ])
    func moneyTypedByPeopleIsRead(text: String, amount: Int64) throws {
        #expect(try Money.parse(text, field: "--cost") == amount)
    }

    @Test(arguments: [
        ("-5", "--cost -5: money cannot be negative"), ("-1.500.000", "--cost -1.500.000: money cannot be negative"),
        ("1.50.000", "--cost 1.50.000: expected whole đồng, e.g. 1500000 or 1.500.000"),
        ("12.5", "--cost 12.5: expected whole đồng, e.g. 1500000 or 1.500.000"),
        ("1000000000000001", "--cost 1000000000000001: more than the ceiling of 1000000000000000 đồng per line"),
    ])
    func moneyThatIsNotWholeDongIsRefused(text: String, reason: String) {
        let error = #expect(throws: ModelError.self) { try Money.parse(text, field: "--cost") }
        #expect(error?.description == reason)
    }

    @Test func onlyFinishedWorksBetweenCompletionAndTodayAreMaintained() throws {
        let today = try CalendarDate(iso: "2024-01-01")
        #expect(try Self.event("2019-06-30").problem(on: Self.work, today: today) == nil)
        #expect(try Self.event("2024-01-01").problem(on: Self.work, today: today) == nil)
        #expect(
            try Self.event("2024-01-02").problem(on: Self.work, today: today)?.description
                == "date 2024-01-02 is in the future (today is 2024-01-01)")
        #expect(
            try Self.event("2019-06-29").problem(on: Self.work, today: today)?.description
                == "date 2019-06-29 is before the work was completed (2019-06-30)")
        var proposed = Self.work
        proposed.status = .proposed
        #expect(
            try Self.event("2020-01-01").problem(on: proposed, today: today)?.description
                == "status proposed: only completed or handed_over works are maintained")
    }

    @Test func theSummaryCountsSumsAndKeepsTheLatestDate() throws {
        // 1,200,000 + 800,000 = 2,000,000; the later date whatever the order
        let summary = try MaintenanceSummary([
            try Self.event("2023-08-01", 800_000), try Self.event("2021-05-10", 1_200_000),
        ])
        #expect(summary.count == 2 && summary.totalVND == 2_000_000)
        #expect(summary.lastOn == (try CalendarDate(iso: "2023-08-01")))
        // And a total past Int64 is an error, never a wrap-around
        let huge = MaintenanceSummary(count: 1, totalVND: .max - 1, lastOn: nil)
        let day = try CalendarDate(iso: "2020-01-01")
        #expect(throws: ModelError.self) {
            var total = huge
            try total.add(on: day, costVND: 2)
        }
    }

    @Test func yearsBeforeKeepsTheDayAndMendsTheLeapDay() throws {
        #expect(try CalendarDate(iso: "2024-05-20").years(before: 3) == (try CalendarDate(iso: "2021-05-20")))
        #expect(try CalendarDate(iso: "2024-02-29").years(before: 1) == (try CalendarDate(iso: "2023-02-28")))
    }
}
