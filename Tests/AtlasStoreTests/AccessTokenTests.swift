import Testing

@testable import AtlasStore

/// The SHA-256 of the tokens and the audit chain (swift-crypto) against the FIPS 180-4 examples
/// (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf"), and the token credential built on it.
@Suite struct AccessTokenTests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test(arguments: vectors)
    func knownDigests(message: String, digest: String) {
        #expect(SHA256Hex.digest(Array(message.utf8)) == digest)
    }

    @Test func tokensAreRandomHexAndOnlyTheirSaltedHashIsKept() {
        // Given two fresh tokens
        let (a, credential) = AccessToken.generate()
        let (b, _) = AccessToken.generate()
        // Then each is 64 hex digits, they differ, and the credential holds no more than the prefix
        #expect(AccessToken.isWellFormed(a) && AccessToken.isWellFormed(b) && a != b)
        #expect(credential.prefix == String(a.prefix(16)))
        #expect(!credential.hash.contains(a) && credential.hash.count == 64 && credential.salt.count == 32)
        #expect(credential.hash == SHA256Hex.digest(Array((credential.salt + a).utf8)))
        // And the token matches its credential while another token (or one changed digit) does not
        #expect(AccessToken.matches(a, credential))
        #expect(!AccessToken.matches(b, credential))
        let flipped = String(a.dropLast()) + (a.last == "0" ? "1" : "0")
        #expect(!AccessToken.matches(flipped, credential))
    }
}
