import AtlasModel
import Testing

@Suite struct CalendarDateTests {
    @Test func leapDayOf2020IsAccepted() throws {
        // Given 2020, divisible by 4 and not by 100: a leap year
        let date = try CalendarDate(iso: "2020-02-29")
        // Then the day exists and prints back the same
        #expect((date.year, date.month, date.day) == (2020, 2, 29))
        #expect(date.description == "2020-02-29")
    }

    @Test func leapDayOf2019IsRefused() {
        // Given 2019, not a leap year
        let error = #expect(throws: ModelError.self) { try CalendarDate(iso: "2019-02-29", field: "completed_on") }
        // Then the refusal names the field and the value and says why
        #expect(error == .invalid(field: "completed_on", value: "2019-02-29", reason: "not a calendar date"))
    }

    @Test(arguments: ["2020-2-3", "2020-02-3", "20-02-03", "2020/02/03", "2020-02-03T00:00", "", "2020-0a-03"])
    func textNotShapedYYYYMMDDIsRefused(_ text: String) {
        // Given text that is not exactly four, two and two digits
        let error = #expect(throws: ModelError.self) { try CalendarDate(iso: text) }
        // Then the refusal says which shape is expected
        #expect(error == .invalid(field: "date", value: text, reason: "expected a date as YYYY-MM-DD"))
    }

    @Test(arguments: ["1900-02-29", "2020-04-31", "2020-13-01", "2020-00-10", "2020-01-00", "2020-01-32"])
    func impossibleDayIsRefused(_ text: String) {
        // 1900 is divisible by 100 but not 400: no 29 February
        let error = #expect(throws: ModelError.self) { try CalendarDate(iso: text) }
        #expect(error?.description == "not a calendar date")
    }

    @Test func centuryDivisibleBy400IsLeap() throws {
        #expect(try CalendarDate(iso: "2000-02-29").description == "2000-02-29")
    }

    @Test func datesOrderByYearThenMonthThenDay() throws {
        // Given three dates where a lexical comparison of (day, month) would mislead
        let a = try CalendarDate(iso: "2019-06-30"), b = try CalendarDate(iso: "2019-07-01")
        let c = try CalendarDate(iso: "2020-01-01")
        // Then they sort chronologically
        #expect(a < b && b < c && a < c)
        #expect(!(a < a) && a <= a)
        #expect(try CalendarDate(year: 2019, month: 6, day: 30) == a)
    }

    @Test func descriptionPadsMonthAndDay() throws {
        #expect(try CalendarDate(year: 2020, month: 3, day: 4).description == "2020-03-04")
        #expect(try CalendarDate(year: 2020, month: 12, day: 31).description == "2020-12-31")
    }
}
