import AtlasImport
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hundreds of bad files against every import: each must be refused (an `ImportFailure` naming
/// the file and the line or feature), quickly, in bounded memory, and leave the database
/// byte-for-byte as it was (Debian's `sqlite3 .dump`, an independent reader, is compared).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && SQLiteShell.isAvailable))
struct HostileInputTests {
    @Test func everyHostileFileIsRefusedAndChangesNothing() throws {
        let world = try FixtureWorld.make(villages: true, statistics: true)
        defer { world.remove() }
        try world.importFixtureWorks()
        let cases = HostileInputs.all(in: world.directory)
        #expect(cases.count >= 300, "only \(cases.count) hostile files")
        let before = try Self.dump(world.databasePath)
        let memoryBefore = Self.maximumResidentMegabytes()
        var refused = 0, slowest = (name: "", seconds: 0.0)
        for hostile in cases {
            let file = try hostile.write(in: world.directory)
            let started = Date()
            do {
                _ = try hostile.kind.run(world.importer, file)
                Issue.record("\(hostile.name): accepted")
            } catch let failure as ImportFailure {
                refused += 1
                #expect(failure.file == file.path, "\(hostile.name): names \(failure.file)")
                #expect(!failure.problems.isEmpty, "\(hostile.name): no problem listed")
                for problem in failure.problems {
                    #expect(Self.isPlace(problem.location), "\(hostile.name): location \"\(problem.location)\"")
                }
                // Where the file is not even JSON, the reason names the line and column instead
                let namesPlace = failure.problems.contains {
                    hostile.location.map($0.location.hasPrefix) ?? false || $0.reason.contains(" at line ")
                }
                if hostile.location != nil { #expect(namesPlace, "\(hostile.name): \(failure.problems)") }
            } catch {
                Issue.record("\(hostile.name): not an import refusal: \(error)")
            }
            let seconds = Date().timeIntervalSince(started)
            if seconds > slowest.seconds { slowest = (hostile.name, seconds) }
            let after = try Self.dump(world.databasePath)
            if after != before {
                Issue.record("\(hostile.name): the database changed: \(Self.firstDifference(before, after))")
                return
            }
        }
        let growth = Self.maximumResidentMegabytes() - memoryBefore
        #expect(slowest.seconds < 20, "\(slowest.name) took \(slowest.seconds) s")
        #expect(growth < 1024, "peak memory grew by \(growth) MB")
        print(
            "hostile inputs: \(cases.count) files, \(refused) refused, slowest \(slowest.name) \(String(format: "%.2f", slowest.seconds)) s, peak memory +\(growth) MB"
        )
    }

    static func isPlace(_ location: String) -> Bool {
        location == "file" || location.wholeMatch(of: /line \d+|feature \d+.*/) != nil
    }

    /// The whole database as SQL text, read by Debian's sqlite3.
    static func dump(_ path: String) throws -> String { try SQLiteShell.run(path, ".dump", readOnly: true) }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let (x, y) = (a.split(separator: "\n"), b.split(separator: "\n"))
        for (i, (l, r)) in zip(x, y).enumerated() where l != r {
            return "line \(i): \(l.prefix(120)) → \(r.prefix(120))"
        }
        return "\(x.count) lines → \(y.count) lines"
    }

    static func maximumResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
