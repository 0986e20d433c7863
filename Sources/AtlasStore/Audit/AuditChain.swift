import Foundation

/// The audit log's hash chain: every entry carries the SHA-256 of the entry before it and of its
/// own content, so an entry changed, removed or slipped in after the fact breaks the chain at
/// that point — even when someone with the file drops the append-only triggers first.
public enum AuditChain {
    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// What an entry's hash covers: its id, its predecessor's hash and every recorded field.
    struct Content {
        var id: Int64
        var previousHash: String
        var recordedAt: String
        var actor: String
        var role: String?
        var action: String
        var workId: String?
        var subject: String?
        var before: String?
        var after: String?
        /// Hashed only when set, so entries from before the column keep their hashes.
        var via: String? = nil
    }

    /// Hex SHA-256 of the content in an unambiguous encoding: each field as its UTF-8 byte count,
    /// a colon and the bytes (`-` for null), so no two different entries encode alike.
    static func hash(_ c: Content) -> String {
        var bytes: [UInt8] = Array("worksatlas-audit-v1\n".utf8)
        func field(_ text: String?) {
            guard let text else { return bytes.append(contentsOf: "-;".utf8) }
            bytes.append(contentsOf: "\(text.utf8.count):".utf8)
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: ";"))
        }
        for text in [
            String(c.id), c.previousHash, c.recordedAt, c.actor, c.role, c.action, c.workId, c.subject, c.before,
            c.after,
        ] {
            field(text)
        }
        if let via = c.via { field(via) }
        return SHA256Hex.digest(bytes)
    }
}

/// What `audit verify` found: how many entries hold together, and the first that does not.
public struct AuditChainReport: Sendable, Equatable {
    public var entryCount: Int
    /// The hash of the newest entry: note it down to notice later that entries were cut off the end.
    public var headHash: String
    public var firstBreak: AuditChainBreak?
    /// The append-only triggers that should exist and do not.
    public var missingTriggers: [String]

    public var isIntact: Bool { firstBreak == nil && missingTriggers.isEmpty }
}

public struct AuditChainBreak: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The entry's fields no longer give its recorded hash: it was changed.
        case contentChanged = "content changed"
        /// The entry does not point at the entry before it: entries were removed or inserted.
        case linkBroken = "link broken"
    }

    public var entryId: Int64
    public var kind: Kind

    public var description: String {
        switch kind {
        case .contentChanged:
            "entry \(entryId): its content no longer matches its hash (the entry was changed after it was written)"
        case .linkBroken:
            "entry \(entryId): it does not follow the entry before it (entries were removed or inserted before it)"
        }
    }
}
