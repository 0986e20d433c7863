import AtlasTestSupport
import Foundation
import Synchronization
import Testing

/// kill -9 at the worst moments: the server under concurrent writes, an import mid-write.
/// Afterwards every acknowledged write is there, the file passes SQLite's integrity check, an
/// import is all or nothing, and the audit chain verifies.
@Suite(.serialized, .enabled(if: CLI.isAvailable)) struct CrashRecoveryTests {
    static let serverCycles = 20

    @Test func killedServerLosesNoAcknowledgedWrite() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let token = try workspace.run([
            "users", "add", "editor", "--role", "province_editor", "--unit", "20", "--db", workspace.database,
        ])
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var acknowledged: Set<String> = []
        var random = SystemRandomNumberGenerator()
        var killedWhileWriting = 0
        for cycle in 0..<Self.serverCycles {
            let server = try RunningServer(workspace: workspace)
            // Eight officers post works until the server dies under them, at a random moment after
            // the first write went through.
            let written = Mutex<[String]>([])
            let writers = DispatchGroup()
            for writer in 0..<8 {
                DispatchQueue.global().async(group: writers) {
                    for n in 0..<2000 {
                        let id = "K\(cycle)-\(writer)-\(n)"
                        guard server.postWork(id: id, token: token) else { break }
                        written.withLock { $0.append(id) }
                    }
                }
            }
            for _ in 0..<400 where written.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.025) }
            Thread.sleep(forTimeInterval: Double.random(in: 0.1...1.2, using: &random))
            let before = written.withLock { $0.count }
            server.kill()
            #expect(writers.wait(timeout: .now() + 30) == .success, "cycle \(cycle): writers did not stop")
            let acked = written.withLock { $0 }
            if acked.count < 8 * 2000 && before > 0 { killedWhileWriting += 1 }
            acknowledged.formUnion(acked)
            let stored = try storedWorkIds(workspace)
            let lost = acknowledged.subtracting(stored)
            #expect(
                lost.isEmpty, "cycle \(cycle): \(lost.count) acknowledged writes lost, e.g. \(lost.sorted().prefix(3))")
            try expectIntact(workspace, "cycle \(cycle)")
        }
        print(
            "crash suite: \(Self.serverCycles) kills, \(killedWhileWriting) under writes, \(acknowledged.count) acknowledged writes, 0 lost"
        )
        #expect(killedWhileWriting == Self.serverCycles, "some kills came after the writers stopped")
        #expect(acknowledged.count >= 2 * Self.serverCycles, "the writers got too few writes in to prove anything")
    }

    @Test func killedImportLeavesAllOrNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let count = 20_000
        let file = try workspace.write("big.geojson", Self.works(count: count, prefix: "B"))
        var outcomes: [Int] = []
        for delay in [0.3, 0.8, 1.5, 2.5, 4.0] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["import", "works", file, "--db", workspace.database]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let stored = try storedWorkIds(workspace).count
            #expect(stored == 0 || stored == count, "after a kill at \(delay) s: \(stored) of \(count) works")
            try expectIntact(workspace, "kill at \(delay) s")
            outcomes.append(stored)
            if stored == count { break }
        }
        // At least one kill must have hit the import while it ran, or the test proved nothing.
        #expect(outcomes.contains(0), "every import finished before its kill: \(outcomes)")
    }

    func storedWorkIds(_ workspace: Workspace) throws -> Set<String> {
        let result = try workspace.run(["works", "list", "--format", "csv", "--db", workspace.database])
        #expect(result.status == 0, "works list: \(result.stderr)")
        return Set(result.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
    }

    func expectIntact(_ workspace: Workspace, _ label: String) throws {
        let check = try SQLiteShell.run(workspace.database, "PRAGMA integrity_check")
        #expect(check == "ok", "\(label): integrity_check says \(check)")
        let verify = try workspace.run(["audit", "verify", "--db", workspace.database])
        #expect(verify.status == 0, "\(label): audit verify: \(verify.stderr)")
    }

    static func works(count: Int, prefix: String) -> String {
        var random = SystemRandomNumberGenerator()
        let features = (0..<count).map { i in
            let lon = Double.random(in: 106.01...106.19, using: &random)
            let lat = Double.random(in: 21.01...21.19, using: &random)
            return
                #"{"type":"Feature","id":"\#(prefix)-\#(i)","properties":{"name":"Nhà văn hoá \#(i)","programme":"135","category":"culture","status":"proposed"},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}"
    }
}
