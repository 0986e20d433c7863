/// The programme periods and the programmes that fund works in each (Data/lang-son/SOURCES.md,
/// "Programmes and agencies over time"). Classifications belong to a period; a work approved in
/// a period carries one of its programmes, or a programme of no period (`ntm`, `other`, `existing`).
public struct ProgrammePeriod: Hashable, Sendable {
    public var name: String
    public var firstYear: Int
    /// nil: still running.
    public var lastYear: Int?
    public var programmes: [Programme]

    public static let all: [ProgrammePeriod] = [
        ProgrammePeriod(name: "2016-2020", firstYear: 2016, lastYear: 2020, programmes: [.p30a, .p135]),
        ProgrammePeriod(name: "2021-2025", firstYear: 2021, lastYear: 2025, programmes: [.ntpPoverty, .p1719]),
        ProgrammePeriod(name: "2026-2030", firstYear: 2026, lastYear: 2030, programmes: [.ntp2026]),
    ]

    public func holds(year: Int) -> Bool { firstYear <= year && year <= (lastYear ?? Int.max) }

    /// The period holding `year`, if any.
    public static func holding(year: Int) -> ProgrammePeriod? { all.first { $0.holds(year: year) } }

    /// The period whose programmes include `programme` (nil for programmes of no period).
    public static func of(_ programme: Programme) -> ProgrammePeriod? { all.first { $0.programmes.contains(programme) } }
}
