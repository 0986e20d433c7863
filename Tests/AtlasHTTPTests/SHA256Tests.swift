import AtlasStore
import Testing

@testable import AtlasHTTP

/// SHA-256 against the FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf"),
/// and the token credential built on it.
@Suite struct SHA256Tests {
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
        #expect(SHA256.hash(Array(message.utf8)).hexString == digest)
    }

    @Test func oneMillionTimesA() {
        // Fed in uneven pieces, so block boundaries fall inside updates
        var h = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            h.update(repeatElement(UInt8(ascii: "a"), count: n))
            left -= n
            piece = piece * 3 % 1_000 + 1
        }
        #expect(h.finalize().hexString == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingEdgesMatchOneShotHashing() {
        // Lengths around the 55/56/64-byte padding edges, one byte at a time vs. at once
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            var h = SHA256()
            for b in bytes { h.update([b]) }
            #expect(h.finalize() == SHA256.hash(bytes), "length \(length)")
        }
    }

    @Test func tokensAreRandomHexAndOnlyTheirSaltedHashIsKept() {
        // Given two fresh tokens
        let (a, credential) = AccessToken.generate()
        let (b, _) = AccessToken.generate()
        // Then each is 64 hex digits, they differ, and the credential holds no more than the prefix
        #expect(AccessToken.isWellFormed(a) && AccessToken.isWellFormed(b) && a != b)
        #expect(credential.prefix == String(a.prefix(16)))
        #expect(!credential.hash.contains(a) && credential.hash.count == 64 && credential.salt.count == 32)
        #expect(credential.hash == SHA256.hash(Array((credential.salt + a).utf8)).hexString)
        // And the token matches its credential while another token (or one changed digit) does not
        #expect(AccessToken.matches(a, credential))
        #expect(!AccessToken.matches(b, credential))
        let flipped = String(a.dropLast()) + (a.last == "0" ? "1" : "0")
        #expect(!AccessToken.matches(flipped, credential))
    }
}
