import AtlasModel
import Foundation

/// Reads a successions file (CSV: old_code, new_code, effective_on, relation, share) and refuses
/// it whole, with line numbers, when a line names a unit not in force, a `whole` unit has two
/// successors, the shares of one unit add up to more than 1, or the lines of one date form a cycle.
public enum SuccessionReader {
    /// `unitsInForce(d)`: the codes of the units in force on day `d`; asked for the day before a
    /// date and for the date itself.
    /// They are asked per date because a code may be reused with a new meaning.
    public static func read(
        _ file: URL, unitsInForce: (CalendarDate) throws -> Set<String>
    ) throws -> [Succession] {
        let table = try parseCSV(file)
        var log = ProblemLog(file: file.path)
        table.checkColumns(required: ["old_code", "new_code", "effective_on", "relation"], optional: ["share"], log: &log)
        try log.finish()
        let columns = ["old_code", "new_code", "effective_on", "relation", "share"].map { table.column($0) }
        var read: [(line: Int, succession: Succession)] = []
        var before: [CalendarDate: Set<String>] = [:], on: [CalendarDate: Set<String>] = [:]
        for record in table.records {
            let at = "line \(record.line)"
            let values = columns.map { table.value(record, $0) ?? "" }
            let (old, new, dateText, relationText, shareText) = (values[0], values[1], values[2], values[3], values[4])
            var ok = true
            func bad(_ field: String, _ value: String, _ why: String) {
                log.add(at, field, value, why)
                ok = false
            }
            var date: CalendarDate?
            do { date = try CalendarDate(iso: dateText, field: "effective_on") } catch {
                bad("effective_on", dateText, error.description)
            }
            var relation: SuccessionRelation?
            do { relation = try SuccessionRelation.parse(relationText, field: "relation") } catch {
                bad("relation", relationText, error.description)
            }
            var share: Double?
            if !shareText.isEmpty {
                share = NumberText.decimal(shareText)
                if !(share.map { $0 > 0 && $0 <= 1 } ?? false) {
                    bad("share", shareText, "share must be a fraction above 0 and at most 1")
                }
            }
            if let date {
                if before[date] == nil { before[date] = try unitsInForce(date.dayBefore) }
                if on[date] == nil { on[date] = try unitsInForce(date) }
                if !(before[date] ?? []).contains(old) {
                    bad("old_code", old, old.isEmpty ? "old_code is required" : "no unit \(old) is in force on \(date.dayBefore)")
                }
                if !(on[date] ?? []).contains(new) {
                    bad("new_code", new, new.isEmpty ? "new_code is required" : "no unit \(new) is in force on \(date)")
                }
            }
            if ok, let date, let relation {
                read.append((record.line, Succession(oldCode: old, newCode: new, effectiveOn: date, relation: relation, share: share)))
            }
        }
        checkConsistency(read, log: &log)
        try log.finish()
        return read.map(\.succession)
    }

    /// The rules between lines: one successor for a whole unit, shares at most 1, no cycles.
    static func checkConsistency(_ lines: [(line: Int, succession: Succession)], log: inout ProblemLog) {
        let byOldUnit = Dictionary(grouping: lines) { OldUnit(code: $0.succession.oldCode, on: $0.succession.effectiveOn) }
        for (unit, group) in byOldUnit.sorted(by: { $0.value[0].line < $1.value[0].line }) where group.count > 1 {
            if let whole = group.first(where: { $0.succession.relation == .whole }) {
                let others = group.filter { $0.line != whole.line }.map { "\($0.succession.newCode) (line \($0.line))" }
                log.add(
                    "line \(whole.line)", "relation", "whole",
                    "\(unit.code) went whole into \(whole.succession.newCode), so it cannot also go into "
                        + others.joined(separator: ", "))
            }
            let shares = group.compactMap(\.succession.share)
            let total = shares.reduce(0, +)
            if total > 1 + 1e-9, let last = group.last {
                log.add(
                    "line \(last.line)", "share", String(total),
                    "the shares of \(unit.code) on \(unit.on) add up to more than 1 (lines "
                        + group.map { String($0.line) }.joined(separator: ", ") + ")")
            }
        }
        // Within one date, old → new between different codes must not come back to where it began.
        for (date, group) in Dictionary(grouping: lines, by: \.succession.effectiveOn).sorted(by: { $0.key < $1.key }) {
            var next: [String: [(String, Int)]] = [:]
            for entry in group where entry.succession.oldCode != entry.succession.newCode {
                next[entry.succession.oldCode, default: []].append((entry.succession.newCode, entry.line))
            }
            if let cycle = firstCycle(next) {
                log.add(
                    "line \(cycle.lines.min() ?? 0)", "new_code", cycle.codes.last ?? "",
                    "the successions of \(date) go round in a cycle: " + cycle.codes.joined(separator: " → ")
                        + " (lines " + cycle.lines.sorted().map(String.init).joined(separator: ", ") + ")")
            }
        }
    }

    struct OldUnit: Hashable {
        let code: String
        let on: CalendarDate
    }

    /// A cycle in `next` (code → successors with their lines), by depth-first search in code order.
    static func firstCycle(_ next: [String: [(String, Int)]]) -> (codes: [String], lines: [Int])? {
        var onPath: [String: Int] = [:]  // code → its place on the path
        var path: [String] = []
        var pathLines: [Int] = []  // pathLines[i]: the line from path[i] to path[i + 1]
        var done: Set<String> = []
        func visit(_ code: String) -> (codes: [String], lines: [Int])? {
            onPath[code] = path.count
            path.append(code)
            for (target, line) in next[code] ?? [] {
                if let start = onPath[target] {
                    return (Array(path[start...]) + [target], Array(pathLines[start...]) + [line])
                }
                guard !done.contains(target) else { continue }
                pathLines.append(line)
                if let found = visit(target) { return found }
                pathLines.removeLast()
            }
            path.removeLast()
            onPath[code] = nil
            done.insert(code)
            return nil
        }
        for code in next.keys.sorted() where !done.contains(code) {
            if let found = visit(code) { return found }
        }
        return nil
    }
}

extension Importer {
    /// Imports a successions file (``SuccessionReader``), all or nothing.
    public func importSuccessions(from file: URL, provenance: ImportProvenance = .init()) throws -> ImportReport {
        let successions = try SuccessionReader.read(
            file, unitsInForce: { try database.unitCodes(inForceOn: $0) })
        try database.saveSuccessions(successions, source: provenance.resolved(kind: "successions", file: file))
        return ImportReport(kind: "successions", file: file.path, rowCount: successions.count, warnings: [])
    }
}
