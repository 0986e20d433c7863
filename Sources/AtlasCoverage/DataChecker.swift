import AtlasModel
import AtlasStore

/// `worksatlas check`: every problem in the data, one finding each.
public struct DataChecker: Sendable {
    public init() {}

    public func run(on database: any AtlasDataStore) throws -> [Finding] {
        var findings: [Finding] = []
        let eligibility = Eligibility(classifications: try database.allClassifications())
        for stored in try database.works() {
            findings += workFindings(stored, eligibility: eligibility)
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

    func workFindings(_ stored: StoredWork, eligibility: Eligibility) -> [Finding] {
        let w = stored.work
        var found: [Finding] = []
        func add(_ severity: Finding.Severity, _ rule: String, _ reason: String) {
            found.append(Finding(severity: severity, subject: "work", id: w.id, rule: rule, reason: reason))
        }
        if let problem = eligibility.problem(
            work: w, communeCode: stored.communeCode, districtCode: stored.districtCode)
        {
            add(.error, "ineligible_\(w.programme.rawValue)", problem)
        }
        if stored.communeDisagrees {
            add(
                .warning, "commune_disagrees",
                "declared commune \(w.declaredCommuneCode ?? "") but the geometry lies in \(stored.communeCode ?? "no commune")"
            )
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
