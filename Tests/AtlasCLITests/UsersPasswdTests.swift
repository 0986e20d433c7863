import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// `users passwd`: a password read from standard input signs in at a real server's /login, the
/// token keeps working, the stored hash is PBKDF2 with the tuned rounds, a short one is refused.
@Suite(.enabled(if: CLI.isAvailable && SQLiteShell.isAvailable)) struct UsersPasswdTests {
    static let password = "rừng thông Lạng Sơn 2017"

    @Test func aPasswordFromStdinSignsInAndTheTokenStillWorks() throws {
        // Given a commune editor with a token
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let token = try workspace.run([
            "users", "add", "c1", "--role", "commune_editor", "--unit", "00001", "--db", workspace.database,
        ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // When its password is set from standard input
        let set = try workspace.run(["users", "passwd", "c1", "--stdin", "--db", workspace.database], input: Self.password + "\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(!set.stdout.contains(Self.password) && !set.stderr.contains(Self.password))
        // Then the stored hash is PBKDF2-SHA256 with the tuned rounds, salted, without the password
        let stored = try SQLiteShell.run(workspace.database, "SELECT passwordHash FROM user WHERE name = 'c1'")
        #expect(stored.hasPrefix("$pbkdf2-sha256$i=\(PasswordHash.rounds)$"), "\(stored)")
        #expect(PasswordHash.rounds(of: stored) == PasswordHash.rounds)
        #expect(stored.split(separator: "$").count == 4)
        // The same password again gets another salt
        _ = try workspace.run(["users", "passwd", "c1", "--stdin", "--db", workspace.database], input: Self.password)
        #expect(try SQLiteShell.run(workspace.database, "SELECT passwordHash FROM user WHERE name = 'c1'") != stored)
        #expect(
            try SQLiteShell.run(workspace.database, "SELECT count(*) FROM auditEntry WHERE action = 'user.passwd'") == "2")

        // And it signs in at a running server, from 127.0.0.1 (kept with the session)
        let server = try RunningServer(workspace: workspace)
        let body = "username=c1&password=" + (Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let signIn = RawHTTP.post(
            port: server.port, "/login", body: body,
            headers: ["Content-Type: application/x-www-form-urlencoded", "Origin: http://127.0.0.1:\(server.port)"])
        #expect(signIn.status == 303, "\(signIn.text)")
        let cookie = try #require(signIn.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let me = RawHTTP.get(port: server.port, "/api/me", headers: ["Cookie: \(cookie)"])
        #expect(me.text.contains(#""name":"c1""#) && me.text.contains(#""via":"session""#), "\(me.text)")
        #expect(try SQLiteShell.run(workspace.database, "SELECT address FROM session") == "127.0.0.1")
        // The token works as before
        let byToken = RawHTTP.get(port: server.port, "/api/me", headers: ["Authorization: Bearer \(token)"])
        #expect(byToken.text.contains(#""name":"c1""#) && byToken.text.contains(#""via":"token""#), "\(byToken.text)")
        // A wrong password does not sign in
        let wrong = RawHTTP.post(
            port: server.port, "/login", body: "username=c1&password=wrong+password",
            headers: ["Content-Type: application/x-www-form-urlencoded"])
        #expect(wrong.status == 401 && wrong.header("Set-Cookie") == nil)
    }

    @Test func aShortPasswordOrAnUnknownUserIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        _ = try workspace.run(["users", "add", "c1", "--role", "commune_editor", "--unit", "00001", "--db", workspace.database])
        // Nine characters: refused with the rule, nothing stored
        let short = try workspace.run(["users", "passwd", "c1", "--stdin", "--db", workspace.database], input: "123456789\n")
        #expect(short.status == 1)
        #expect(short.stderr.contains("at least \(PasswordHash.minimumLength) characters"), "\(short.stderr)")
        #expect(try SQLiteShell.run(workspace.database, "SELECT passwordHash IS NULL FROM user WHERE name = 'c1'") == "1")
        // An unknown user: refused
        let unknown = try workspace.run(["users", "passwd", "nobody", "--stdin", "--db", workspace.database], input: Self.password)
        #expect(unknown.status == 1 && unknown.stderr.contains("no active user named nobody"), "\(unknown.stderr)")
        // Without --stdin and no terminal: told to use --stdin
        let noTerminal = try workspace.run(["users", "passwd", "c1", "--db", workspace.database])
        #expect(noTerminal.status == 1 && noTerminal.stderr.contains("--stdin"), "\(noTerminal.stderr)")
    }
}
