import Foundation
import GRDB
import Testing

@testable import AtlasStore

/// `worksatlas backup` and `restore`: consistent copies of a live database, checked before use.
@Suite struct DatabaseBackupTests {
    let actor = AuditActor(name: "cli:root", role: "local")

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func addUsers(_ names: [String], to database: AppDatabase) throws {
        for name in names {
            let prefix = String(name.utf8.map { String(format: "%02x", $0) }.joined().prefix(16)).padding(
                toLength: 16, withPad: "0", startingAt: 0)
            try database.addUser(
                name: name, role: .admin, unitCode: nil,
                credential: TokenCredential(prefix: prefix, salt: "s", hash: "h"), by: actor)
        }
    }

    func userNames(at path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { try String.fetchAll($0, sql: "SELECT name FROM user ORDER BY name") }
    }

    @Test func aBackupIsOneCheckedFileWithEverything() throws {
        let folder = try temporaryFolder()
        let database = try AppDatabase(path: folder.appendingPathComponent("live.sqlite").path)
        try addUsers(["an", "binh"], to: database)
        let target = folder.appendingPathComponent("copy.sqlite").path
        let report = try DatabaseBackup.backup(database, to: target)
        #expect(report.auditEntries == 2)
        #expect(try userNames(at: target) == ["an", "binh"])
        // A single self-contained file: not in WAL mode, no partial file left beside it.
        let header = try #require(FileHandle(forReadingAtPath: target)).readData(ofLength: 20)
        #expect(header[18] == 1 && header[19] == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }
        #expect(left.isEmpty)
    }

    @Test func aBackupNeverOverwrites() throws {
        let folder = try temporaryFolder()
        let database = try AppDatabase(path: folder.appendingPathComponent("live.sqlite").path)
        let target = folder.appendingPathComponent("precious.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: DatabaseBackup.Refusal.self) { try DatabaseBackup.backup(database, to: target) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("keep me".utf8))
    }

    @Test func aBackupDuringWritesIsOneConsistentSnapshot() async throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("live.sqlite").path
        let database = try AppDatabase(path: path)
        try addUsers(["seed"], to: database)
        // While another task adds users one transaction at a time
        let writer = Task.detached {
            for i in 0..<200 {
                try database.addUser(
                    name: "w\(i)", role: .admin, unitCode: nil,
                    credential: TokenCredential(prefix: String(format: "w%015d", i), salt: "s", hash: "h"),
                    by: AuditActor(name: "t", role: nil))
            }
        }
        var copies: [String] = []
        for i in 0..<5 {
            let target = folder.appendingPathComponent("copy\(i).sqlite").path
            _ = try DatabaseBackup.backup(database, to: target)
            copies.append(target)
        }
        try await writer.value
        // Then each copy is whole: every user it holds has its audit entry, and the chain verifies
        for copy in copies {
            let restoredInto = folder.appendingPathComponent("check-\(UUID().uuidString).sqlite").path
            _ = try DatabaseBackup.restore(from: copy, to: restoredInto)
            let check = try AppDatabase(path: restoredInto)
            let users = try check.users().count
            let report = try check.verifyAuditChain()
            #expect(report.isIntact)
            #expect(report.entryCount == users)
        }
    }

    @Test func restoreBringsTheBackupBackAndSavesWhatWasThere() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("live.sqlite").path
        let database = try AppDatabase(path: path)
        try addUsers(["an"], to: database)
        let backup = folder.appendingPathComponent("monday.sqlite").path
        _ = try DatabaseBackup.backup(database, to: backup)
        try addUsers(["binh", "chau"], to: database)

        let (restored, saved) = try DatabaseBackup.restore(from: backup, to: path)
        #expect(restored.auditEntries == 1)
        // The open database sees the restored content, and the day's work is kept aside.
        #expect(try database.users().map(\.name) == ["an"])
        #expect(try userNames(at: try #require(saved).path) == ["an", "binh", "chau"])
        #expect(try database.verifyAuditChain().isIntact)
    }

    @Test func restoreRefusesWhatIsNotAWholeWorksAtlasBackup() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("live.sqlite").path
        let database = try AppDatabase(path: path)
        try addUsers(["an"], to: database)
        let good = folder.appendingPathComponent("good.sqlite").path
        _ = try DatabaseBackup.backup(database, to: good)
        let goodBytes = try Data(contentsOf: URL(fileURLWithPath: good))

        var candidates: [(name: String, write: (String) throws -> Void)] = []
        candidates.append(("text", { try Data("not a database".utf8).write(to: URL(fileURLWithPath: $0)) }))
        candidates.append(
            ("truncated", { try goodBytes.prefix(goodBytes.count / 2).write(to: URL(fileURLWithPath: $0)) }))
        candidates.append(
            (
                "foreign",
                { path in
                    let queue = try DatabaseQueue(path: path)
                    try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
                }
            ))
        candidates.append(
            (
                "newer",
                { path in
                    try goodBytes.write(to: URL(fileURLWithPath: path))
                    let queue = try DatabaseQueue(path: path)
                    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('fromTheFuture')") }
                }
            ))
        for candidate in candidates {
            let file = folder.appendingPathComponent("\(candidate.name).sqlite").path
            try candidate.write(file)
            #expect(throws: DatabaseBackup.Refusal.self, "\(candidate.name)") {
                try DatabaseBackup.restore(from: file, to: path)
            }
            #expect(try database.users().map(\.name) == ["an"], "\(candidate.name)")
        }
        #expect(throws: DatabaseBackup.Refusal.self) { try DatabaseBackup.restore(from: folder.path, to: path) }
    }
}
