import Foundation

/// A day in the proleptic Gregorian calendar, written YYYY-MM-DD (ISO 8601).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws(ModelError) {
        guard (1900...2200).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else {
            throw ModelError.invalid(
                field: "date", value: "\(year)-\(month)-\(day)", reason: "not a calendar date")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso text: String, field: String = "date") throws(ModelError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            throw ModelError.invalid(field: field, value: text, reason: "expected a date as YYYY-MM-DD")
        }
        guard (1900...2200).contains(y) else {
            throw ModelError.invalid(field: field, value: text, reason: "a date from 1900-01-01 to 2200-12-31")
        }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw ModelError.invalid(field: field, value: text, reason: "not a calendar date")
        }
    }

    /// Today on the calendar of `timeZone` (Vietnam's by default: the date a change without a
    /// date of its own is recorded on).
    public static func today(
        in timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
    ) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        // The system clock is inside 1900–2200; the fallback only keeps this total.
        return (try? CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)) ?? Self.epoch
    }

    private static let epoch = try! CalendarDate(year: 2000, month: 1, day: 1)

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The day before: a reorganisation on `d` ends the units in force on `d.dayBefore`.
    public var dayBefore: CalendarDate {
        if day > 1 { return (try? CalendarDate(year: year, month: month, day: day - 1)) ?? self }
        let (y, m) = month > 1 ? (year, month - 1) : (year - 1, 12)
        return (try? CalendarDate(year: y, month: m, day: Self.daysIn(month: m, year: y))) ?? self
    }

    /// The same day `years` years earlier (29 February becomes the 28th in a common year); the
    /// calendar's first day when that falls before it.
    public func years(before years: Int) -> CalendarDate {
        let y = year - years
        return (try? CalendarDate(year: y, month: month, day: min(day, Self.daysIn(month: month, year: y))))
            ?? (try! CalendarDate(year: 1900, month: 1, day: 1))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
