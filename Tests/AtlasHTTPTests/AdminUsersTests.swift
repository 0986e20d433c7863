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

/// `/api/admin/users`: admins list users, add one with a password, set a password and end a
/// user's sessions, audited; everyone else is refused; no password or hash is ever sent back.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct AdminUsersTests {
    static let newPassword = "mật khẩu mới đủ dài"

    @Test func onlyAdminsManageUsers() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            for user in ["prov", "d178", "c00001"] {
                let list = try await client.get("/api/admin/users", token: world.token(user))
                try ProblemTests.expectProblem(list, status: .forbidden)
                let add = try await client.send(
                    .post, "/api/admin/users",
                    json: #"{"name":"x","role":"admin","unit":null,"password":"\#(Self.newPassword)"}"#,
                    token: world.token(user))
                try ProblemTests.expectProblem(add, status: .forbidden)
                let end = try await client.execute(
                    uri: "/api/admin/users/c00001/sessions", method: .delete,
                    headers: [.authorization: "Bearer \(world.token(user))"])
                try ProblemTests.expectProblem(end, status: .forbidden)
            }
            try ProblemTests.expectProblem(try await client.get("/api/admin/users"), status: .unauthorized)
        }
        #expect(try world.database.users().contains { $0.name == "x" } == false)
    }

    @Test func theListShowsRolesUnitsAndStateButNoSecret() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let response = try await client.get("/api/admin/users", token: world.token("root"))
            #expect(response.status == .ok)
            let users = try #require(try response.json()["users"]?.arrayValue)
            #expect(users.compactMap { $0["name"]?.stringValue } == Template.users.map(\.0).sorted())
            let d178 = try #require(users.first { $0["name"] == "d178" })
            #expect(d178["role"] == "district_editor" && d178["unit"] == "178" && d178["active"] == true)
            #expect(users.first { $0["name"] == "gone" }?["active"] == false)
            for token in world.tokens.values { #expect(!response.text.contains(token)) }
            #expect(!response.text.contains("token") && !response.text.contains("hash"))
        }
    }

    @Test func anAddedUserSignsInWithTheInitialPassword() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try await world.test(options: options) { client in
            let admin = try await client.session("root", SignInTests.password)
            let body =
                #"{"name":"can-bo-moi","role":"commune_editor","unit":"00002","password":"\#(Self.newPassword)"}"#
            // Without the CSRF token the admin's session cannot add anyone
            let forged = try await client.send(.post, "/api/admin/users", json: body, cookie: admin.id)
            try ProblemTests.expectProblem(forged, status: .forbidden)
            let added = try await client.send(.post, "/api/admin/users", json: body, cookie: admin.id, csrf: admin.csrf)
            #expect(added.status == .created, "\(added.text)")
            #expect(try added.json()["unit"] == "00002" && added.json()["has_password"] == true)
            #expect(!added.text.contains(Self.newPassword) && !added.text.contains("pbkdf2"))
            // A unit of the wrong kind is refused with the store's reason
            let wrongUnit = try await client.send(
                .post, "/api/admin/users",
                json: #"{"name":"sai","role":"district_editor","unit":"00002","password":"\#(Self.newPassword)"}"#,
                cookie: admin.id, csrf: admin.csrf)
            try ProblemTests.expectProblem(wrongUnit, status: .unprocessableContent)
            let short = try await client.send(
                .post, "/api/admin/users", json: #"{"name":"ngan","role":"admin","password":"short"}"#,
                cookie: admin.id, csrf: admin.csrf)
            try ProblemTests.expectProblem(short, status: .badRequest)
            #expect(!short.text.contains("\"short\""), "the password is not echoed")
            // The new officer signs in and is who the admin said
            let session = try await client.session("can-bo-moi", Self.newPassword)
            let me = try await client.get("/api/me", cookie: session.id).json()
            #expect(me["role"] == "commune_editor" && me["unit"] == "00002")
        }
        let entry = try #require(try world.database.auditEntries(limit: 5).first { $0.action == "user.add" })
        #expect(entry.actor == "root" && entry.via == "session" && entry.subject == "can-bo-moi")
    }

    @Test func aNewPasswordReplacesTheOldOneAndEndsTheSessions() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try await world.test(options: options) { client in
            let officer = try await client.session("c00001", SignInTests.password)
            let reset = try await client.send(
                .post, "/api/admin/users/c00001/password", json: #"{"password":"\#(Self.newPassword)"}"#,
                token: world.token("root"))
            #expect(reset.status == .ok, "\(reset.text)")
            #expect(try await client.get("/api/me", cookie: officer.id).status == .unauthorized)
            #expect(try await client.signIn("c00001", SignInTests.password).status == .unauthorized)
            #expect(try await client.signIn("c00001", Self.newPassword).status == .seeOther)
            let unknown = try await client.send(
                .post, "/api/admin/users/nobody/password", json: #"{"password":"\#(Self.newPassword)"}"#,
                token: world.token("root"))
            try ProblemTests.expectProblem(unknown, status: .notFound)
        }
        #expect(try world.database.auditEntries(limit: 5).contains { $0.action == "user.passwd" && $0.actor == "root" })
    }

    @Test func endingAUsersSessionsSignsThemOut() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try await world.test(options: options) { client in
            let officer = try await client.session("d178", SignInTests.password)
            #expect(try await client.get("/api/me", cookie: officer.id).json()["name"] == "d178")
            let listed = try await client.get("/api/admin/users", token: world.token("root")).json()
            #expect(listed["users"]?.arrayValue?.first { $0["name"] == "d178" }?["sessions"] == 1)
            let end = try await client.execute(
                uri: "/api/admin/users/d178/sessions", method: .delete,
                headers: [.authorization: "Bearer \(world.token("root"))"])
            #expect(end.status == .ok, "\(end.text)")
            #expect(try end.json()["sessions_ended"] == 1)
            try ProblemTests.expectProblem(try await client.get("/api/me", cookie: officer.id), status: .unauthorized)
            // The password still works: only the sessions ended
            #expect(try await client.signIn("d178", SignInTests.password).status == .seeOther)
        }
        let entry = try #require(try world.database.auditEntries(limit: 5).first { $0.action == "user.sessions.end" })
        #expect(entry.actor == "root" && entry.subject == "d178" && entry.via == "token")
    }
}
