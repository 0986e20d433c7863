import Crypto
import CryptoExtras
import Foundation

/// Passwords, stored as PBKDF2-HMAC-SHA256 in the PHC string format
/// `$pbkdf2-sha256$i=<rounds>$<salt>$<hash>` (salt and hash in base64 without padding), with a
/// fresh 16-byte salt per password. PBKDF2 rather than hummingbird-auth's bcrypt: that bcrypt
/// compares hashes with `memcmp` and cuts passwords at 72 bytes; swift-crypto's derived keys
/// compare in constant time (`SymmetricKey ==` is `CRYPTO_memcmp`) and take any length.
public enum PasswordHash {
    /// About 100 ms per hash. Measured on the 2-core development machine (x86_64, 2026-12): 141 ms
    /// a hash through this code (debug build, load average 5.5 from other builds); Python's
    /// OpenSSL PBKDF2-SHA256 on the same machine: 142 ms for 200,000 rounds, so about 106 ms for
    /// these. Raise it with the hardware; a stored hash keeps its rounds, so older ones still verify.
    public static let rounds = 150_000
    /// Fewer rounds than this in a stored hash is refused as tampering rather than verified.
    static let minimumRounds = 10_000
    static let saltBytes = 16
    static let hashBytes = 32
    static let prefix = "$pbkdf2-sha256$i="

    /// A password shorter than this is refused, with the rule said.
    public static let minimumLength = 10
    /// Bounds the work one request can ask for.
    public static let maximumBytes = 1024

    /// Nil when `password` may be used, else the rule it breaks (Vietnamese, then English).
    public static func weakness(of password: String) -> String? {
        if password.count < minimumLength {
            return "mật khẩu phải có ít nhất \(minimumLength) ký tự / a password needs at least \(minimumLength) characters"
        }
        if password.utf8.count > maximumBytes {
            return "mật khẩu dài quá \(maximumBytes) byte / a password is at most \(maximumBytes) bytes"
        }
        return nil
    }

    /// The string to store for `password`, with a fresh random salt.
    public static func make(_ password: String, rounds: Int = rounds) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = try derive(password, salt: salt, rounds: rounds)
        let hash = key.withUnsafeBytes { Data($0) }
        return prefix + "\(rounds)$" + base64(Data(salt)) + "$" + base64(hash)
    }

    /// True when `password` gives `stored`; false for a malformed stored string.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let parts = parse(stored), password.utf8.count <= maximumBytes,
            let key = try? derive(password, salt: Array(parts.salt), rounds: parts.rounds)
        else { return false }
        return key == SymmetricKey(data: parts.hash)
    }

    /// The rounds a stored string was made with (nil when it is not one of ours).
    public static func rounds(of stored: String) -> Int? { parse(stored)?.rounds }

    /// Spends the time of one verification, so an unknown user name answers as slowly as a wrong password.
    public static func verifyNothing(_ password: String) {
        _ = verify(password, against: decoy)
    }

    private static let decoy: String = (try? make("decoy password", rounds: rounds)) ?? ""

    private static func parse(_ stored: String) -> (rounds: Int, salt: Data, hash: Data)? {
        guard stored.hasPrefix(prefix) else { return nil }
        let fields = stored.dropFirst(prefix.count).split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 3, let rounds = Int(fields[0]), rounds >= minimumRounds, rounds <= 100_000_000,
            let salt = unbase64(fields[1]), let hash = unbase64(fields[2]), salt.count >= 8, hash.count == hashBytes
        else { return nil }
        return (rounds, salt, hash)
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> SymmetricKey {
        try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.precomposedStringWithCanonicalMapping.utf8), salt: salt, using: .sha256,
            outputByteCount: hashBytes, unsafeUncheckedRounds: rounds)
    }

    private static func base64(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func unbase64(_ text: Substring) -> Data? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded)
    }
}
