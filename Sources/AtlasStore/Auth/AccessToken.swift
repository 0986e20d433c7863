import Crypto

/// Bearer tokens: 32 random bytes as 64 hex digits. The store keeps the first 16 digits in clear
/// to find the user, a random 16-byte salt, and SHA-256(salt ‖ token). Iterating (as for
/// passwords) would add nothing: the 192 secret bits left cannot be guessed, and the hash only
/// keeps a copied database from working as a list of tokens. One hash keeps every request cheap.
public enum AccessToken {
    public static let prefixLength = 16

    /// A fresh token and the credential to store for it.
    public static func generate() -> (token: String, credential: TokenCredential) {
        var generator = SystemRandomNumberGenerator()
        let token = SHA256Hex.hex(randomBytes(32, using: &generator))
        let salt = SHA256Hex.hex(randomBytes(16, using: &generator))
        return (token, TokenCredential(prefix: lookupPrefix(of: token), salt: salt, hash: hash(token, salt: salt)))
    }

    /// The part of a token stored in clear.
    public static func lookupPrefix(of token: String) -> String { String(token.prefix(prefixLength)) }

    /// True when `token` is exactly 64 lower-case hex digits.
    public static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    static func hash(_ token: String, salt: String) -> String {
        SHA256Hex.digest(Array(salt.utf8) + Array(token.utf8))
    }

    /// Compares the token's hash with the stored one in time independent of where they differ.
    public static func matches(_ token: String, _ credential: TokenCredential) -> Bool {
        SHA256Hex.equal(hash(token, salt: credential.salt), credential.hash)
    }

    private static func randomBytes(_ count: Int, using generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// SHA-256 (swift-crypto) as lower-case hex: the token and session hashes and the audit chain.
public enum SHA256Hex {
    public static func digest(_ bytes: [UInt8]) -> String { hex(Array(SHA256.hash(data: bytes))) }

    /// Compares two hex strings (digests, tokens) in time independent of where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
