import AtlasGeoJSON
import AtlasStore
import AtlasTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AtlasHTTP

/// `POST /api/imports/works`: an officer's file checked by the importer (every problem, or what
/// would be added and changed, nothing written on a dry run), then imported in one audited
/// transaction inside the editor's unit, with the session's CSRF token, within the size cap.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct UploadTests {
    static let header = "id,name,programme,category,status,lon,lat\n"
    /// A new work in commune 00001 (district 178) and W-04 (also in 00001) renamed.
    static let clean =
        header + "N-10,Nhà văn hoá Nà Pàn,135,culture,proposed,106.05,21.05\n"
        + "W-04,Nước sinh hoạt thôn Bản Chắt,ntm,water,proposed,106.07,21.15\n"
    static let bad =
        header + "N-11,Cầu treo,135,bridge,proposed,106.05,21.05\n"
        + "N-12,Đường nội đồng,135,road,proposed,21.05,106.05\n"

    static func counts(_ world: TestWorld) throws -> (works: Int, audit: Int) {
        (try world.database.workCount(), try world.database.auditEntries(limit: 100_000).count)
    }

    @Test func aBadFileListsEveryProblemWithItsLineAndWritesNothing() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        let before = try Self.counts(world)
        try await world.test(options: options) { client in
            let session = try await client.session("d178", SignInTests.password)
            let response = try await client.upload(
                Self.bad, "cong-trinh.csv", dryRun: true, cookie: session.id, csrf: session.csrf)
            try ProblemTests.expectProblem(response, status: .unprocessableContent)
            let errors = try #require(try response.json()["errors"]?.arrayValue)
            let category = try #require(errors.first { $0["field"] == "category" })
            #expect(category["location"] == "line 2" && category["value"] == "bridge")
            #expect(category["reason"]?.stringValue?.contains("unknown value") == true)
            let swapped = try #require(errors.first { $0["location"] == "line 3" })
            #expect(swapped["reason"]?.stringValue?.contains("swapped") == true, "\(swapped)")
            #expect(try response.json()["detail"]?.stringValue?.hasPrefix("cong-trinh.csv: 2 problems") == true)
            // The same file confirmed is refused the same way
            let confirmed = try await client.upload(
                Self.bad, "cong-trinh.csv", dryRun: false, cookie: session.id, csrf: session.csrf)
            #expect(confirmed.status == .unprocessableContent)
        }
        #expect(try Self.counts(world) == before)
    }

    @Test func aCleanDryRunSaysWhatWouldBeAddedAndChangedAndWritesNothing() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        let before = try Self.counts(world)
        try await world.test(options: options) { client in
            let session = try await client.session("d178", SignInTests.password)
            let response = try await client.upload(
                Self.clean, "cong-trinh.csv", dryRun: true, cookie: session.id, csrf: session.csrf)
            #expect(response.status == .ok, "\(response.text)")
            let plan = try response.json()
            #expect(plan["dry_run"] == true && plan["added"] == 1 && plan["changed"] == 1 && plan["unchanged"] == 0)
            let works = try #require(plan["works"]?.arrayValue)
            let added = try #require(works.first { $0["id"] == "N-10" })
            #expect(added["action"] == "add" && added["location"] == "line 2" && added["commune_code"] == "00001")
            let changed = try #require(works.first { $0["id"] == "W-04" })
            #expect(changed["action"] == "change")
            let changes = try #require(changed["changes"]?.arrayValue)
            #expect(changes.count == 1, "\(changes)")
            #expect(changes.first?["field"] == "name" && changes.first?["before"] == "Nước sinh hoạt")
            #expect(changes.first?["after"] == "Nước sinh hoạt thôn Bản Chắt")
        }
        #expect(try Self.counts(world) == before)
        #expect(try world.database.work(id: "N-10") == nil)
        #expect(try world.database.work(id: "W-04")?.work.name == "Nước sinh hoạt")
    }

    @Test func confirmingWritesTheWorksAndAuditsEachAsTheOfficerBySession() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        let audited = try Self.counts(world).audit
        try await world.test(options: options) { client in
            let session = try await client.session("d178", SignInTests.password)
            let response = try await client.upload(
                Self.clean, "cong-trinh.csv", dryRun: false, cookie: session.id, csrf: session.csrf)
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.json()["dry_run"] == false && response.json()["added"] == 1)
            // The map's layer sees the new work at once
            let item = try await client.get("/ogc/collections/works/items/N-10")
            #expect(item.status == .ok)
        }
        #expect(try world.database.work(id: "N-10")?.communeCode == "00001")
        #expect(try world.database.work(id: "W-04")?.work.name == "Nước sinh hoạt thôn Bản Chắt")
        let entries = try world.database.auditEntries(limit: 100).prefix(try Self.counts(world).audit - audited)
        #expect(entries.count == 3)
        #expect(entries.allSatisfy { $0.actor == "d178" && $0.via == "session" })
        #expect(Set(entries.map(\.action)) == ["work.create", "work.update", "works.import"])
        let update = try #require(entries.first { $0.action == "work.update" })
        #expect(update.workId == "W-04" && update.before?.contains("Nước sinh hoạt\"") == true)
        #expect(entries.first { $0.action == "works.import" }?.subject == "cong-trinh.csv: 1 new, 1 updated")
    }

    @Test func aWriteWithoutTheCSRFTokenIsRefused() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        let before = try Self.counts(world)
        try await world.test(options: options) { client in
            let session = try await client.session("d178", SignInTests.password)
            for dryRun in [true, false] {
                let response = try await client.upload(
                    Self.clean, "cong-trinh.csv", dryRun: dryRun, cookie: session.id)
                try ProblemTests.expectProblem(response, status: .forbidden)
                #expect(try response.json()["type"] == "urn:worksatlas:problem:csrf")
            }
        }
        #expect(try Self.counts(world) == before)
    }

    @Test func anonymousViewersMustSignIn() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let response = try await client.upload(Self.clean, "cong-trinh.csv", dryRun: true)
            try ProblemTests.expectProblem(response, status: .unauthorized)
        }
    }

    @Test func anEditorCannotImportWorksOutsideTheirUnit() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try world.database.setPassword(
            name: "d179", hash: try PasswordHash.make(SignInTests.password), by: AuditActor(name: "test", role: nil))
        let before = try Self.counts(world)
        // One work of district 179 (commune 00003), one of district 178: the whole file is refused
        let mixed =
            Self.header + "N-20,Trạm y tế,135,health,proposed,106.25,21.05\n"
            + "N-21,Trạm y tế,135,health,proposed,106.05,21.05\n"
        try await world.test(options: options) { client in
            let session = try await client.session("d179", SignInTests.password)
            for dryRun in [true, false] {
                let response = try await client.upload(
                    mixed, "mixed.csv", dryRun: dryRun, cookie: session.id, csrf: session.csrf)
                try ProblemTests.expectProblem(response, status: .forbidden)
                let errors = try #require(try response.json()["errors"]?.arrayValue)
                #expect(errors.count == 1)
                #expect(errors.first?["location"] == "line 3" && errors.first?["value"] == "00001")
                #expect(errors.first?["reason"]?.stringValue?.contains("district 179") == true)
            }
            // Changing a work of the other district is refused too (W-04 lies in district 178)
            let other = Self.header + "W-04,Đổi tên,ntm,water,proposed,106.25,21.05\n"
            let moved = try await client.upload(
                other, "moved.csv", dryRun: false, cookie: session.id, csrf: session.csrf)
            try ProblemTests.expectProblem(moved, status: .forbidden)
        }
        #expect(try Self.counts(world) == before)
    }

    @Test func bodiesAboveTheCapAndFilesOfOtherKindsAreRefused() async throws {
        let world = try TestWorld.make()
        let token = world.token("root")
        try await world.test { client in
            let huge = String(repeating: "x", count: UploadedFile.maximumBytes + 1)
            let tooLarge = try await client.upload(huge, "big.csv", dryRun: true, token: token)
            try ProblemTests.expectProblem(tooLarge, status: .contentTooLarge)
            let executable = try await client.upload(Self.clean, "works.exe", dryRun: true, token: token)
            try ProblemTests.expectProblem(executable, status: .badRequest)
            #expect(try executable.json()["errors"]?[0]?["field"] == "filename")
            let bareShapefile = try await client.upload(Self.clean, "roads.shp", dryRun: true, token: token)
            #expect(bareShapefile.status == .badRequest)
            let hidden = try await client.upload(Self.clean, "../.secret.csv", dryRun: true, token: token)
            #expect(hidden.status == .badRequest)
            var headers: HTTPFields = [.authorization: "Bearer \(token)"]
            headers[.contentType] = "application/json"
            let json = try await client.execute(
                uri: "/api/imports/works?filename=a.csv", method: .post, headers: headers,
                body: ByteBuffer(string: Self.clean))
            try ProblemTests.expectProblem(json, status: .unsupportedMediaType)
            let empty = try await client.upload("", "empty.csv", dryRun: true, token: token)
            #expect(empty.status == .badRequest)
        }
    }

    @Test func aGeoJSONFilesProblemsNameTheFeature() async throws {
        let world = try TestWorld.make()
        let geojson =
            #"{"type":"FeatureCollection","features":["#
            + #"{"type":"Feature","id":"N-30","properties":{"name":"Trạm","programme":"135","category":"health","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}},"#
            + #"{"type":"Feature","id":"N-31","properties":{"name":"Trạm","programme":"135","category":"health","status":"built"},"geometry":{"type":"Point","coordinates":[106.06,21.05]}}]}"#
        try await world.test { client in
            let response = try await client.upload(geojson, "tram.geojson", dryRun: true, token: world.token("root"))
            try ProblemTests.expectProblem(response, status: .unprocessableContent)
            let error = try #require(try response.json()["errors"]?[0])
            #expect(error["location"]?.stringValue?.hasPrefix("feature 1 (id \"N-31\"") == true, "\(error)")
            #expect(error["field"] == "status" && error["value"] == "built")
            #expect(!response.text.contains("worksatlas-upload-"), "the temporary folder is not shown")
        }
        #expect(try world.database.work(id: "N-30") == nil)
    }

    @Test func aBearerTokenImportsToo() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let response = try await client.upload(
                Self.clean, "cong-trinh.csv", dryRun: false, token: world.token("prov"))
            #expect(response.status == .ok, "\(response.text)")
        }
        let entry = try #require(try world.database.auditEntries(limit: 1).first)
        #expect(entry.action == "works.import" && entry.actor == "prov" && entry.via == "token")
    }
}

extension TestClientProtocol {
    /// POST the file's bytes to the import route, signed in by session (with its CSRF token when
    /// given) or by token.
    func upload(
        _ text: String, _ filename: String, dryRun: Bool, cookie: String? = nil, csrf: String? = nil,
        token: String? = nil
    ) async throws -> TestResponse {
        var headers = Self.headers(token)
        headers[.contentType] = UploadedFile.mediaType
        if let cookie { headers[.cookie] = "worksatlas_session=\(cookie)" }
        if let csrf { headers[CSRFCheck.header] = csrf }
        let name = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filename
        return try await execute(
            uri: "/api/imports/works?filename=\(name)&dry_run=\(dryRun)", method: .post, headers: headers,
            body: ByteBuffer(string: text))
    }
}
