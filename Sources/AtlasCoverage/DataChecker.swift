import AtlasModel
import AtlasStore

/// `worksatlas check`: every problem in the data, one finding each.
public struct DataChecker: Sendable {
    public init() {}

    /// `asOf` (default: today) is the day maintenance is judged on, by `rules.maintenanceDueYears`.
    public func run(
        on database: any AtlasDataStore, rules: CoverageRules = .standard, asOf: CalendarDate = .today()
    ) throws -> [Finding] {
        var findings: [Finding] = []
        let eligibility = Eligibility(classifications: try database.allClassifications())
        let placed = try PlacesThroughTime(database)
        let upkeep = MaintenanceDue(
            years: rules.maintenanceDueYears, asOf: asOf, lastMaintained: try database.lastMaintenance(onOrBefore: asOf)
        )
        for stored in try database.works() {
            if let overdue = upkeep.finding(for: stored.work) { findings.append(overdue) }
            // A declared commune names a commune of the work's approval; eligibility is judged on
            // the units its classification was made on (those of the period's first day).
            let approved = try placed.work(stored, on: stored.work.approvedOn)
            let classified = try placed.work(
                stored, on: eligibility.period(for: stored.work).flatMap(Eligibility.firstDay(of:)))
            findings += workFindings(stored, approved: approved, classified: classified, eligibility: eligibility)
        }
        for s in try database.allStatistics() where s.poorHouseholds > s.households {
            findings.append(
                Finding(
                    severity: .error, subject: "statistics", id: "\(s.code)/\(s.year)", rule: "poor_exceeds_households",
                    reason: "poor_households \(s.poorHouseholds) exceeds households \(s.households)"))
        }
        for (village, commune) in try database.villagesOutsideTheirCommune() {
            findings.append(
                Finding(
                    severity: .warning, subject: "village", id: village, rule: "village_outside_commune",
                    reason: "the village location lies outside its commune \(commune)"))
        }
        return findings.sorted()
    }

    /// `approved` and `classified`: the same work placed on the units of its approval date and
    /// on those of its classification period (the work itself when there is one vintage).
    func workFindings(
        _ stored: StoredWork, approved: StoredWork? = nil, classified: StoredWork? = nil, eligibility: Eligibility
    ) -> [Finding] {
        let w = stored.work
        let approved = approved ?? stored, classified = classified ?? stored
        var found: [Finding] = []
        func add(_ severity: Finding.Severity, _ rule: String, _ reason: String) {
            found.append(Finding(severity: severity, subject: "work", id: w.id, rule: rule, reason: reason))
        }
        if let problem = eligibility.problem(
            work: w, communeCode: classified.communeCode, districtCode: classified.districtCode)
        {
            add(.error, "ineligible_\(w.programme.rawValue)", problem)
        }
        if approved.communeDisagrees {
            add(
                .warning, "commune_disagrees",
                "declared commune \(w.declaredCommuneCode ?? "") but the geometry lies in \(approved.communeCode ?? "no commune")"
            )
        }
        if let year = w.approvedOn?.year, let period = ProgrammePeriod.of(w.programme), !period.holds(year: year) {
            add(
                .warning, "programme_out_of_period",
                "programme \(w.programme.rawValue) belongs to \(period.name), but the work was approved in \(year)"
                    + (ProgrammePeriod.holding(year: year).map { " (programmes of \($0.name): \($0.programmes.map(\.rawValue).joined(separator: ", ")))" } ?? ""))
        }
        if stored.communeCode == nil {
            add(.error, "outside_communes", "the geometry lies in no commune of the province")
        }
        if w.status.isServing && w.completedOn == nil {
            add(.error, "completed_without_date", "status \(w.status.rawValue) but no completed_on date")
        }
        if w.category == .road && w.surface == nil {
            add(.warning, "road_without_surface", "a road without surface never counts as all-season")
        }
        if w.exactness == .adminUnit {
            add(
                .info, "located_by_commune_only",
                "located only by its commune (exactness admin_unit): left out of distance-based coverage")
        }
        return found
    }
}

/// Works placed on the units in force on a given day, read once per vintage.
final class PlacesThroughTime {
    private let database: any AtlasDataStore
    private let vintages: [UnitVintage]
    private var placed: [Int: [String: StoredWork]] = [:]

    init(_ database: any AtlasDataStore) throws {
        self.database = database
        vintages = try database.vintages()
    }

    /// The work as placed on the units in force on `day` (nil, or a single vintage: as given).
    func work(_ stored: StoredWork, on day: CalendarDate?) throws -> StoredWork {
        guard let day, vintages.count > 1, let index = vintages.index(inForceOn: day) else { return stored }
        if placed[index] == nil {
            placed[index] = Dictionary(
                uniqueKeysWithValues: try database.onUnits(day).works().map { ($0.work.id, $0) })
        }
        return placed[index]?[stored.work.id] ?? stored
    }
}
