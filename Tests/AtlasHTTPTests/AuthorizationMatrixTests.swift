import AtlasGeoJSON
import AtlasStore
import AtlasTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// Every role against every write endpoint, inside and outside its unit. Refused writes change
/// nothing and leave no audit entry; allowed ones leave exactly one.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct AuthorizationMatrixTests {
    enum Action: String, CaseIterable, Sendable {
        case create00001, create00003, edit00001, edit00003, move00001to00002, move00001to00003, move00003to00001
        case status00001, status00003, readAudit, readAuditOfW04, readMe

        /// Method, path and body.
        var request: (HTTPRequest.Method, String, String) {
            let new = { (id: String, lon: Double) in
                #"{"type":"Feature","id":"\#(id)","properties":{"name":"Mới","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[\#(lon),21.03]}}"#
            }
            let point = { (lon: Double) in #"{"geometry":{"type":"Point","coordinates":[\#(lon),21.16]}}"# }
            return switch self {
            case .create00001: (.post, "/api/works", new("N-1", 106.03))
            case .create00003: (.post, "/api/works", new("N-3", 106.23))
            case .edit00001: (.patch, "/api/works/W-04", #"{"properties":{"name":"Tên mới"}}"#)
            case .edit00003: (.patch, "/api/works/W-03", #"{"properties":{"name":"Tên mới"}}"#)
            case .move00001to00002: (.patch, "/api/works/W-04", point(106.15))
            case .move00001to00003: (.patch, "/api/works/W-04", point(106.25))
            case .move00003to00001: (.patch, "/api/works/W-05", point(106.05))
            case .status00001: (.post, "/api/works/W-04/status", #"{"status":"approved","date":"2020-01-02"}"#)
            case .status00003:
                (.post, "/api/works/W-05/status", #"{"status":"under_construction","date":"2020-01-02"}"#)
            case .readAudit: (.get, "/api/audit?limit=1000", "")
            case .readAuditOfW04: (.get, "/api/audit?work=W-04", "")
            case .readMe: (.get, "/api/me", "")
            }
        }
    }

    /// Users: the anonymous viewer (nil), a revoked token, a forged one (root's with its last
    /// digit changed), one per role and unit.
    static let users: [String?] = [nil, "gone", "forged", "root", "prov", "d178", "d179", "c00001", "c00003"]
    static let editors: Set<String> = ["root", "prov", "d178", "d179", "c00001", "c00003"]

    /// Who may do what: everything else is refused (401 without a live token, else 403).
    static let allowed: [Action: Set<String>] = [
        .create00001: ["root", "prov", "d178", "c00001"],
        .create00003: ["root", "prov", "d179", "c00003"],
        .edit00001: ["root", "prov", "d178", "c00001"],
        .edit00003: ["root", "prov", "d179", "c00003"],
        .move00001to00002: ["root", "prov", "d178"],  // inside district 178, out of commune 00001
        .move00001to00003: ["root", "prov"],  // out of district 178 into 179
        .move00003to00001: ["root", "prov"],  // out of district 179 into 178
        .status00001: ["root", "prov", "d178", "c00001"],
        .status00003: ["root", "prov", "d179", "c00003"],
        .readAudit: editors, .readAuditOfW04: editors, .readMe: editors,
    ]

    /// Whose audit reads show the history of W-04 (in commune 00001, district 178).
    static let seesW04: Set<String> = ["root", "prov", "d178", "c00001"]

    struct Case: Sendable, CustomTestStringConvertible {
        let user: String?
        let action: Action
        var testDescription: String { "\(user ?? "anonymous") \(action.rawValue)" }
    }

    static let cases: [Case] = users.flatMap { u in Action.allCases.map { Case(user: u, action: $0) } }

    @Test(arguments: cases)
    func roleUnitAndEndpoint(_ c: Case) async throws {
        let world = try TestWorld.make()
        let (method, path, body) = c.action.request
        let seeded = c.action == .readAudit || c.action == .readAuditOfW04
        // /api/me tells an anonymous viewer that it is one (the page asks before showing edit tools)
        let isAllowed =
            c.user.map { allowedUsers in Self.allowed[c.action]?.contains(allowedUsers) == true }
            ?? (c.action == .readMe)
        let expected: HTTPResponse.Status =
            isAllowed
            ? (c.action == .create00001 || c.action == .create00003 ? .created : .ok)
            : (c.user == nil || c.user == "gone" || c.user == "forged" ? .unauthorized : .forbidden)
        // (the seeding rename below adds one entry of its own)
        let auditBefore = try world.database.auditEntries(limit: 1000).count + (seeded ? 1 : 0)
        let touched = path.split(separator: "/").dropFirst(2).first.map(String.init)
        let workBefore = try touched.flatMap { try world.database.work(id: $0) }
        try await world.test { client in
            if seeded {
                // W-04 gets a history to read (and the log an entry of a work in 00001)
                let rename = try await client.send(
                    .patch, "/api/works/W-04", json: #"{"properties":{"name":"Đổi tên"}}"#, token: world.token("root"))
                #expect(rename.status == .ok)
            }
            let token = c.user.map { $0 == "forged" ? Self.forged(world.token("root")) : world.token($0) }
            let response =
                method == .get
                ? try await client.get(path, token: token)
                : try await client.send(method, path, json: body, token: token)
            #expect(response.status == expected, "\(c.testDescription): \(response.text)")
            if isAllowed && seeded, let user = c.user {
                let ids = (try response.json()["entries"]?.arrayValue ?? []).compactMap { $0["work_id"]?.stringValue }
                #expect(ids.contains("W-04") == Self.seesW04.contains(user), "\(c.testDescription): \(ids)")
            }
            if !isAllowed {
                try ProblemTests.expectProblem(response, status: expected)
                if expected == .unauthorized {
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
        // Refused writes change nothing; allowed writes add exactly one audit entry
        let auditAfter = try world.database.auditEntries(limit: 1000).count
        let writes = method != .get
        #expect(auditAfter == auditBefore + (isAllowed && writes ? 1 : 0), "\(c.testDescription)")
        if !isAllowed, let touched {
            #expect(try world.database.work(id: touched)?.work == workBefore?.work, "\(c.testDescription)")
        }
    }

    /// A well-formed token that is not anyone's: the last hex digit changed.
    static func forged(_ token: String) -> String {
        String(token.dropLast()) + (token.last == "0" ? "1" : "0")
    }

    @Test func malformedAuthorizationHeadersAre401() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            for header in [
                "Basic dXNlcjpwYXNz", "Bearer", "Bearer abc", "Bearer " + String(repeating: "g", count: 64),
                "Bearer " + String(repeating: "0", count: 64),
            ] {
                let response = try await client.execute(
                    uri: "/api/audit", method: .get, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
            }
            // Reads of the public map stay open without a token
            #expect(try await client.get("/ogc/collections/works/items").status == .ok)
        }
    }
}
