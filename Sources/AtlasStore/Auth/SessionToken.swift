/// Sign-in sessions: the cookie holds 32 random bytes (64 hex digits) from the system CSPRNG;
/// the store keeps only their SHA-256, so a copied database opens no session. Each session also
/// has its own random CSRF token, which the page sends back with every write.
public enum SessionToken {
    /// A fresh session id and CSRF token.
    public static func generate() -> (id: String, csrfToken: String) {
        var generator = SystemRandomNumberGenerator()
        func random() -> String { SHA256Hex.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }) }
        return (random(), random())
    }

    /// What the store keeps of a session id.
    public static func storedHash(of id: String) -> String { SHA256Hex.digest(Array(id.utf8)) }

    /// The same shape as a bearer token: exactly 64 lower-case hex digits.
    public static func isWellFormed(_ text: String) -> Bool { AccessToken.isWellFormed(text) }
}
