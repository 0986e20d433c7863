import AtlasModel
import AtlasSpatial
import AtlasStore
import Foundation

/// Checks drafted works against the map and the database: location, geometry validity,
/// derived commune, known villages and communes, legal status changes, unique ids.
struct WorkValidator {
    let database: AppDatabase
    let locations: LocationChecker
    let assigner: CommuneAssigner
    let communeCodes: Set<String>
    let villageCodes: Set<String>

    init(database: AppDatabase, inputSRID: Int32) throws {
        self.database = database
        locations = try LocationChecker(inputSRID: inputSRID, database: database)
        let communes = try database.metricUnits(kind: .commune)
        assigner = CommuneAssigner(communes: communes.compactMap { unit in
            PlanarPolygon(unit.geometry).map { (unit.code, $0) }
        })
        communeCodes = Set(communes.map(\.code))
        villageCodes = Set(try database.villageCommunes().keys)
    }

    func validate(_ drafts: [WorkDraft], log: inout ProblemLog, progress: (@Sendable (Int, Int) -> Void)?) throws
        -> [WorkRow]
    {
        var firstLocation: [String: String] = [:]
        var located: [(draft: WorkDraft, wgs84: Geometry, metric: Geometry)] = []
        located.reserveCapacity(drafts.count)
        for (n, draft) in drafts.enumerated() {
            let work = draft.work
            let at = draft.location
            var ok = true
            if let first = firstLocation[work.id] {
                log.add(at, "id", work.id, "the same id is already used by \(first)")
                ok = false
            } else {
                firstLocation[work.id] = at
            }
            if let reason = Self.shapeProblem(work.geometry) {
                log.add(at, "geometry", work.geometry.typeName, reason)
                ok = false
            }
            if let declared = work.declaredCommuneCode, !communeCodes.contains(declared) {
                log.add(at, "commune_code", declared, "no commune with this code is loaded")
                ok = false
            }
            for code in work.villagesServed where !villageCodes.contains(code) {
                log.add(at, "villages_served", code, "no village with this code is loaded")
                ok = false
            }
            if ok {
                switch locations.locate(work.geometry) {
                case .success(let result): located.append((draft, result.wgs84, result.metric))
                case .failure(let problem): log.add(at, "geometry", work.geometry.typeName, problem.reason)
                }
            }
            if let progress, n % 10_000 == 0 { progress(n, drafts.count) }
        }
        progress?(drafts.count, drafts.count)
        try checkPolygons(located.map { ($0.draft.location, $0.wgs84) }, log: &log)
        let existing = try database.existingStatuses(of: located.map(\.draft.work.id))
        var rows: [WorkRow] = []
        rows.reserveCapacity(located.count)
        for item in located {
            var work = item.draft.work
            if let previous = existing[work.id], previous != work.status {
                do {
                    try previous.checkTransition(to: work.status)
                } catch {
                    log.add(item.draft.location, "status", work.status.rawValue, "work \(work.id) exists: \(error.description)")
                    continue
                }
            }
            work.geometry = item.wgs84
            let lengthM = item.metric.isLineal ? item.metric.lines.reduce(0) { $0 + PlanarDistance.length(of: $1) } : nil
            rows.append(
                WorkRow(work: work, metricGeometry: item.metric, communeCode: assigner.assign(item.metric).code, lengthM: lengthM))
        }
        return rows
    }

    /// Shape rules GEOS does not cover for points and lines.
    static func shapeProblem(_ geometry: Geometry) -> String? {
        for line in geometry.lines {
            guard line.count >= 2 else { return "a line needs at least 2 positions" }
            if Set(line).count < 2 { return "a line needs at least 2 distinct positions (all are the same point)" }
        }
        for polygon in geometry.polygons {
            for (r, ring) in polygon.enumerated() {
                guard ring.count >= 4 else { return "ring \(r) has \(ring.count) positions; a ring needs at least 4" }
                guard ring.first == ring.last else { return "ring \(r) is not closed (first and last positions differ)" }
            }
        }
        if case .multiPoint(let points) = geometry, points.isEmpty { return "a MultiPoint needs at least 1 position" }
        return nil
    }

    private func checkPolygons(_ items: [(location: String, geometry: Geometry)], log: inout ProblemLog) throws {
        let polygonal = items.filter { $0.geometry.isPolygonal }
        guard !polygonal.isEmpty else { return }
        let reasons = try database.invalidityReasons(polygonal.map(\.geometry))
        for (i, reason) in reasons.sorted(by: { $0.key < $1.key }) {
            log.add(polygonal[i].location, "geometry", polygonal[i].geometry.typeName, "invalid geometry: \(reason)")
        }
    }
}
