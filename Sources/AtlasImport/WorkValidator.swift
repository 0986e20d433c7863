import AtlasModel
import AtlasSpatial
import AtlasStore
import Dispatch
import Foundation
import Synchronization

/// Checks drafted works against the map and the database: location, geometry validity,
/// derived commune, known villages and communes, legal status changes, unique ids.
struct WorkValidator: Sendable {
    let database: any AtlasDataStore
    let locations: LocationChecker
    /// The derived commune, on the units the works are registered on.
    let placer: CommunePlacer
    let communeCodes: Set<String>
    let villageCodes: Set<String>

    init(database: any AtlasDataStore, inputSRID: Int32) throws {
        self.database = database
        locations = try LocationChecker(inputSRID: inputSRID, database: database)
        let communes = try database.metricUnits(kind: .commune)
        placer = CommunePlacer(metric: communes, wgs84: try database.wgs84Units(kind: .commune))
        // A declared commune may name the units of the work's own time (a 2017 code, say).
        var declarable = Set(communes.map(\.code))
        for vintage in try database.vintages() {
            guard let day = vintage.validFrom ?? vintage.validTo else { continue }
            declarable.formUnion(try database.onUnits(day).units(kind: .commune).map(\.code))
        }
        communeCodes = declarable
        villageCodes = Set(try database.villageCommunes().keys)
    }

    func validate(
        _ drafts: [WorkDraft], log: inout ProblemLog, keepingLocations: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)?, lap: (String) -> Void = { _ in }
    ) throws
        -> (rows: [WorkRow], locations: [String])
    {
        var firstLocation: [String: DraftLocation] = [:]
        var candidates: [Int] = []
        candidates.reserveCapacity(drafts.count)
        for (n, draft) in drafts.enumerated() {
            let work = draft.work
            var at: String { draft.location.description }
            var ok = true
            if let first = firstLocation[work.id] {
                log.add(at, "id", work.id, "the same id is already used by \(first.description)")
                ok = false
            } else {
                firstLocation[work.id] = draft.location
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
            if ok { candidates.append(n) }
        }
        lap("check fields")
        let placed = try place(candidates.map { drafts[$0].work.geometry }, progress: progress)
        lap("locate and place")
        var located: [(draft: WorkDraft, placement: Placement)] = []
        located.reserveCapacity(placed.count)
        for (i, result) in placed.enumerated() {
            let draft = drafts[candidates[i]]
            switch result {
            case .success(let placement): located.append((draft, placement))
            case .failure(let problem):
                log.add(draft.location.description, "geometry", draft.work.geometry.typeName, problem.reason)
            }
        }
        try checkPolygons(located.map { ($0.draft.location.description, $0.placement.wgs84) }, log: &log)
        lap("check polygons")
        let existing = try database.existingStatuses(of: located.map(\.draft.work.id))
        var rows: [WorkRow] = []
        var locations: [String] = []
        rows.reserveCapacity(located.count)
        for item in located {
            var work = item.draft.work
            if let previous = existing[work.id], previous != work.status {
                do {
                    try previous.checkTransition(to: work.status)
                } catch {
                    log.add(
                        item.draft.location.description, "status", work.status.rawValue,
                        "work \(work.id) exists: \(error.description)")
                    continue
                }
            }
            work.geometry = item.placement.wgs84
            rows.append(
                WorkRow(
                    work: work, metricGeometry: item.placement.metric, communeCode: item.placement.communeCode,
                    lengthM: item.placement.lengthM))
            if keepingLocations { locations.append(item.draft.location.description) }
        }
        lap("check statuses")
        return (rows, locations)
    }

    /// Where a work lies: its WGS84 and metric geometry, derived commune and length.
    struct Placement: Sendable {
        let wgs84: Geometry
        let metric: Geometry
        let communeCode: String?
        let lengthM: Double?
    }

    /// Locates and assigns every draft, on all cores: each worker has its own PROJ objects.
    private func place(
        _ geometries: [Geometry], progress: (@Sendable (Int, Int) -> Void)?
    ) throws
        -> [Result<Placement, LocationProblem>]
    {
        let workers = geometries.count < 2_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let checkers = try (0..<workers).map { _ in try locations.makeWorkerCopy() }
        let results = ConcurrentSlots<Result<Placement, LocationProblem>>(
            count: geometries.count, initial: .failure(LocationProblem(reason: "not located")))
        let chunk = (geometries.count + workers - 1) / max(workers, 1)
        let done = ProgressCounter(total: geometries.count, report: progress)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let checker = checkers[w]
            var scratch = SpatialScratch()
            let range = (w * chunk)..<min(geometries.count, (w + 1) * chunk)
            for i in range {
                let geometry = geometries[i]
                results[i] = checker.locate(geometry).map { located in
                    let lengthM =
                        located.metric.isLineal
                        ? located.metric.lines.reduce(0) { $0 + PlanarDistance.length(of: $1) } : nil
                    let code = placer.commune(wgs84: located.wgs84, metric: located.metric, scratch: &scratch)
                    return Placement(wgs84: located.wgs84, metric: located.metric, communeCode: code, lengthM: lengthM)
                }
                done.tick()
            }
        }
        progress?(geometries.count, geometries.count)
        return results.values
    }

    /// Where one geometry would lie, by the same checks as a work's (shape, position, polygon
    /// validity); nil when `log` got the reason it is refused.
    func placement(of geometry: Geometry, log: inout ProblemLog) throws -> Placement? {
        let at = DraftLocation.entered.description
        if let reason = Self.shapeProblem(geometry) {
            log.add(at, "geometry", geometry.typeName, reason)
            return nil
        }
        switch try place([geometry], progress: nil)[0] {
        case .failure(let problem):
            log.add(at, "geometry", geometry.typeName, problem.reason)
            return nil
        case .success(let placement):
            let problems = log.problems.count
            try checkPolygons([(at, placement.wgs84)], log: &log)
            return log.problems.count == problems ? placement : nil
        }
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
                guard ring.first == ring.last else {
                    return "ring \(r) is not closed (first and last positions differ)"
                }
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

/// Counts finished items across workers and reports every 10,000.
private final class ProgressCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        let n = count.add(1, ordering: .relaxed).newValue
        if n % 10_000 == 0 { report(n, total) }
    }
}
