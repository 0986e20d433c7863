import AtlasImport
import AtlasModel
import Foundation
import Testing

/// Successions are read against the units in force the day before and on their date.
@Suite struct SuccessionReaderTests {
    /// Before 2025-07-01: 06004 (old Quốc Khánh), 06007, 06010, 06013; from then: 06004 (the new,
    /// larger Quốc Khánh, a reused code) and 06020.
    static func inForce(_ d: CalendarDate) -> Set<String> {
        d < (try! CalendarDate(iso: "2025-07-01")) ? ["06004", "06007", "06010", "06013"] : ["06004", "06020"]
    }

    static func read(_ text: String) throws -> [Succession] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("successions-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SuccessionReader.read(url, unitsInForce: inForce)
    }

    @Test func readsWholeAndPartLinesWithAReusedCode() throws {
        let successions = try Self.read(
            """
            old_code,new_code,effective_on,relation,share
            06004,06004,2025-07-01,whole,
            06007,06004,2025-07-01,whole,
            06010,06004,2025-07-01,part,0.25
            06010,06020,2025-07-01,part,0.75

            """)
        #expect(successions.count == 4)
        #expect(successions[2] == Succession(
            oldCode: "06010", newCode: "06004", effectiveOn: try CalendarDate(iso: "2025-07-01"), relation: .part,
            share: 0.25))
    }

    @Test func refusesTheWholeFileWithLineNumbers() throws {
        let text = """
            old_code,new_code,effective_on,relation,share
            06004,06004,2025-07-01,whole,
            06004,06020,2025-07-01,part,
            06010,06004,2025-07-01,part,0.7
            06010,06020,2025-07-01,part,0.5
            06099,06004,2025-07-01,whole,
            06007,06099,2025-07-01,whole,
            06013,06020,2025-13-01,whole,
            06013,06020,2025-07-01,merged,
            06013,06020,2025-07-01,part,1.5

            """
        let failure = try #require(throws: ImportFailure.self) { try Self.read(text) }
        let found = failure.problems.map { "\($0.location) \($0.field)" }
        #expect(found.contains("line 2 relation"))  // 06004 whole, and also on line 3
        #expect(found.contains("line 5 share"))  // 0.7 + 0.5 > 1
        #expect(found.contains("line 6 old_code"))  // 06099 not in force on 2025-06-30
        #expect(found.contains("line 7 new_code"))  // 06099 not in force on 2025-07-01
        #expect(found.contains("line 8 effective_on"))
        #expect(found.contains("line 9 relation"))
        #expect(found.contains("line 10 share"))
        #expect(failure.problems.first { $0.location == "line 6" }?.reason == "no unit 06099 is in force on 2025-06-30")
        #expect(failure.problems.first { $0.location == "line 2" }?.reason.contains("06020 (line 3)") == true)
    }

    @Test func refusesACycleOnOneDateButNotACodeReusedLater() throws {
        let cycle = """
            old_code,new_code,effective_on,relation,share
            06007,06010,2020-01-01,whole,
            06010,06013,2020-01-01,whole,
            06013,06007,2020-01-01,whole,

            """
        let failure = try #require(throws: ImportFailure.self) { try Self.read(cycle) }
        #expect(failure.problems.map(\.reason) == [
            "the successions of 2020-01-01 go round in a cycle: 06007 → 06010 → 06013 → 06007 (lines 2, 3, 4)"
        ])
        // Back and forth across two dates is a reused code, not a cycle.
        let later = try Self.read(
            """
            old_code,new_code,effective_on,relation,share
            06007,06010,2020-01-01,whole,
            06010,06007,2024-11-01,whole,

            """)
        #expect(later.count == 2)
    }

    @Test func dayBeforeCrossesMonthsYearsAndLeapDays() throws {
        #expect(try CalendarDate(iso: "2025-07-01").dayBefore.description == "2025-06-30")
        #expect(try CalendarDate(iso: "2020-01-01").dayBefore.description == "2019-12-31")
        #expect(try CalendarDate(iso: "2024-03-01").dayBefore.description == "2024-02-29")
        #expect(try CalendarDate(iso: "2025-03-01").dayBefore.description == "2025-02-28")
    }
}
