import AtlasModel
import AtlasStore
import Foundation
import Hummingbird

/// A request's query, decoded, each name given at most once and known to the endpoint.
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ query: String?, allowed: Set<String>) throws {
        guard let query, !query.isEmpty else { return }
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(pair[0]).removingPercentEncoding,
                let value = (pair.count > 1 ? String(pair[1]) : "").removingPercentEncoding
            else {
                throw Problem.invalidParameter(String(pair[0]), "", "invalid percent-encoding")
            }
            guard allowed.contains(name) else {
                let list = allowed.sorted().joined(separator: ", ")
                throw Problem.invalidParameter(
                    name, value,
                    list.isEmpty ? "this resource takes no parameters" : "unknown parameter (allowed: \(list))")
            }
            guard values[name] == nil else { throw Problem.invalidParameter(name, value, "given more than once") }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A whole number within `range`; nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let n = Int(text) else { throw Problem.invalidParameter(name, text, "expected a whole number") }
        guard range.contains(n) else {
            throw Problem.invalidParameter(name, text, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return n
    }

    /// `units=2025-07-01`: the units in force on that day; nil when absent.
    func unitsDate() throws -> CalendarDate? {
        guard let text = values["units"] else { return nil }
        do { return try CalendarDate(iso: text, field: "units") } catch {
            throw Problem.invalidParameter("units", text, "\(error.description): the units in force on a day YYYY-MM-DD")
        }
    }

    /// `limit`: default 100; at least 1; above 10,000 clamped to 10,000 (OGC API – Features §7.15.3).
    func limit(default fallback: Int = 100, maximum: Int = 10_000) throws -> Int {
        guard let text = values["limit"] else { return fallback }
        guard let n = Int(text) else {
            if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return maximum }  // beyond Int: clamp
            throw Problem.invalidParameter("limit", text, "expected a whole number from 1 to \(maximum)")
        }
        guard n >= 1 else { throw Problem.invalidParameter("limit", text, "must be at least 1") }
        return min(n, maximum)
    }

    func offset() throws -> Int {
        try integer("offset", in: 0...1_000_000_000) ?? 0
    }

    /// One value of a vocabulary (`programme=135`); nil when absent.
    func vocabulary<T: AtlasVocabulary>(_ name: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.invalidParameter(name, text, "unknown value (allowed: \(T.allowedList))")
        }
        return value
    }

    /// An administrative code: digits only.
    func code(_ name: String) throws -> String? {
        guard let text = values[name] else { return nil }
        guard Self.isCode(text) else { throw Problem.invalidParameter(name, text, "expected a code of 1 to 12 digits") }
        return text
    }

    static func isCode(_ text: String) -> Bool {
        (1...12).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// The CRS of `name` (`crs`, `bbox-crs`); CRS84 when absent.
    func crs(_ name: String) throws -> FeatureCRS {
        guard let text = values[name] else { return .crs84 }
        return try FeatureCRS.parse(text, parameter: name)
    }

    /// `bbox` in the CRS of `bbox-crs` (default CRS84: minLon,minLat,maxLon,maxLat; 6 numbers:
    /// the heights are ignored), in that CRS's axis order, as a CRS84 box.
    func bbox(crs: FeatureCRS = .crs84) throws -> BoundingBox? {
        guard let text = values["bbox"] else { return nil }
        let order = crs.latitudeFirst ? "minLat,minLon,maxLat,maxLon" : crs.srid == SpatialReference.wgs84 ? "minLon,minLat,maxLon,maxLat" : "minE,minN,maxE,maxN"
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { NumberText.decimal(String($0).trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4 || parts.count == 6, numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else {
            throw Problem.invalidParameter(
                "bbox", text, "expected 4 numbers: \(order) (\(crs == .crs84 ? "WGS84" : crs.uri)), got \(parts.count) value(s)")
        }
        var (w, s, e, n) =
            parts.count == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4])
        if crs.latitudeFirst { (w, s, e, n) = (s, w, n, e) }
        if SpatialReference.isGeographic(crs.srid) {
            guard [w, e].allSatisfy({ (-180...180).contains($0) }), [s, n].allSatisfy({ (-90...90).contains($0) }) else {
                throw Problem.invalidParameter(
                    "bbox", text, "longitudes must lie in -180…180 and latitudes in -90…90 (degrees, \(order))")
            }
        }
        guard s <= n else {
            throw Problem.invalidParameter("bbox", text, "the south edge lies north of the north edge")
        }
        guard w <= e else {
            throw Problem.invalidParameter(
                "bbox", text, "boxes crossing the antimeridian (west > east) are not supported")
        }
        let box = BoundingBox(minX: w, minY: s, maxX: e, maxY: n)
        if crs.srid == SpatialReference.wgs84 { return box }
        guard let stored = try FeatureProjection(crs).storageBox(box) else {
            throw Problem.invalidParameter("bbox", text, "the box cannot be transformed from \(crs.uri) to CRS84")
        }
        return stored
    }

    /// `datetime`: an instant or an interval (`start/end`, `..` or empty for an open end), RFC 3339
    /// dates or date-times, compared by date with completion dates.
    func datetime() throws -> (from: CalendarDate?, to: CalendarDate?)? {
        guard let text = values["datetime"] else { return nil }
        func date(_ part: Substring) throws -> CalendarDate? {
            if part.isEmpty || part == ".." { return nil }
            guard let day = Self.rfc3339Day(String(part)) else {
                throw Problem.invalidParameter(
                    "datetime", text,
                    "expected an RFC 3339 date or date-time (2018-03-15 or 2018-03-15T00:00:00Z), or an interval start/end with .. for an open end"
                )
            }
            return day
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let day = try date(parts[0]) else {
                throw Problem.invalidParameter("datetime", text, "an instant cannot be open")
            }
            return (day, day)
        case 2:
            let (from, to) = (try date(parts[0]), try date(parts[1]))
            if from == nil && to == nil {
                throw Problem.invalidParameter(
                    "datetime", text, "an interval needs at least one end (e.g. 2018-01-01/..)")
            }
            if let from, let to, to < from {
                throw Problem.invalidParameter("datetime", text, "the interval ends before it starts")
            }
            return (from, to)
        default:
            throw Problem.invalidParameter("datetime", text, "expected an instant or one interval start/end")
        }
    }

    /// The calendar day of `2018-03-15` or `2018-03-15T10:20:30Z` (the date as written).
    static func rfc3339Day(_ text: String) -> CalendarDate? {
        let datePart = String(text.prefix(10))
        guard let day = try? CalendarDate(iso: datePart) else { return nil }
        if text.count == 10 { return day }
        let rest = text.dropFirst(10)
        guard let first = rest.first, first == "T" || first == "t" else { return nil }
        return isTimeOfDay(String(rest.dropFirst())) ? day : nil
    }

    /// `hh:mm:ss[.frac](Z|±hh:mm)` with real hours, minutes and seconds (60 for a leap second).
    static func isTimeOfDay(_ text: String) -> Bool {
        guard let m = text.wholeMatch(of: /(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))/),
            let hour = Int(m.1), let minute = Int(m.2), let second = Int(m.3)
        else { return false }
        guard hour < 24, minute < 60, second <= 60 else { return false }
        if let offsetHour = m.6.flatMap({ Int($0) }), let offsetMinute = m.7.flatMap({ Int($0) }) {
            return offsetHour < 24 && offsetMinute < 60
        }
        return true
    }
}
