import Foundation
import Synchronization

/// Failed sign-ins, counted per user name and per client address. After `limit` failures (the
/// earlier ones at most `window` apart) the key is refused for a while that doubles with each
/// further failure: 1 minute, 2, 4 … up to an hour. An attempt counts as a failure from the
/// moment it is let through (`admit`), so guesses sent side by side cannot all pass while the
/// first ones are still being checked; a success takes its own count back and clears its user
/// name's. Each table holds at most `capacity` keys: idle ones go first, then the
/// longest quiet, so a flood of invented names cannot grow the memory.
final class SignInThrottle: Sendable {
    struct Rule: Sendable {
        var limit: Int
        var window: TimeInterval = 15 * 60
        var firstLock: TimeInterval = 60
        var longestLock: TimeInterval = 3600
    }

    struct Entry {
        var failures = 0
        var lastFailure = Date.distantPast
        var lockedUntil = Date.distantPast

        var quietSince: Date { max(lastFailure, lockedUntil) }
    }

    /// An office shares one address, so the address allows more failures than a name.
    static let perUser = Rule(limit: 5)
    static let perAddress = Rule(limit: 20)
    static let capacity = 10_000

    private let users = Mutex<[String: Entry]>([:])
    private let addresses = Mutex<[String: Entry]>([:])

    /// Nil when `user` may try now from `address` (the attempt is then counted as a failure until
    /// `recordSuccess`), else the seconds to wait.
    func admit(user: String, address: String, now: Date) -> Int? {
        let key = Self.key(user)
        // Both tables held at once (always in this order), so the check and the count are one step.
        return users.withLock { names in
            addresses.withLock { places in
                if let wait = Self.wait([names[key]?.lockedUntil, places[address]?.lockedUntil], now) { return wait }
                Self.fail(&names, key, Self.perUser, now)
                Self.fail(&places, address, Self.perAddress, now)
                return nil
            }
        }
    }

    /// Seconds to wait before `user` may try again from `address`, or nil when it may try now.
    func retryAfter(user: String, address: String, now: Date) -> Int? {
        Self.wait(
            [users.withLock { $0[Self.key(user)]?.lockedUntil }, addresses.withLock { $0[address]?.lockedUntil }], now)
    }

    private static func wait(_ locks: [Date?], _ now: Date) -> Int? {
        let waits = locks.compactMap { $0 }.map { $0.timeIntervalSince(now) }.filter { $0 > 0 }
        return waits.max().map { Int($0.rounded(.up)) }
    }

    func recordFailure(user: String, address: String, now: Date) {
        users.withLock { Self.fail(&$0, Self.key(user), Self.perUser, now) }
        addresses.withLock { Self.fail(&$0, address, Self.perAddress, now) }
    }

    /// Clears the name's count and takes back the failure `admit` counted for the address.
    func recordSuccess(user: String, address: String) {
        _ = users.withLock { $0.removeValue(forKey: Self.key(user)) }
        addresses.withLock { table in
            guard var entry = table[address], entry.failures > 0 else { return }
            entry.failures -= 1
            if entry.failures < Self.perAddress.limit { entry.lockedUntil = .distantPast }
            table[address] = entry
        }
    }

    var keyCounts: (users: Int, addresses: Int) {
        (users.withLock { $0.count }, addresses.withLock { $0.count })
    }

    /// Names differ from sign-in to sign-in only by case and Unicode form.
    static func key(_ user: String) -> String { user.precomposedStringWithCanonicalMapping.lowercased() }

    private static func fail(_ table: inout [String: Entry], _ key: String, _ rule: Rule, _ now: Date) {
        if table[key] == nil && table.count >= capacity { evict(&table, now: now, window: rule.window) }
        var entry = table[key] ?? Entry()
        if now.timeIntervalSince(entry.quietSince) > rule.window { entry = Entry() }
        entry.failures += 1
        entry.lastFailure = now
        if entry.failures >= rule.limit {
            let doublings = Double(min(entry.failures - rule.limit, 30))
            entry.lockedUntil = now.addingTimeInterval(min(rule.firstLock * pow(2, doublings), rule.longestLock))
        }
        table[key] = entry
    }

    private static func evict(_ table: inout [String: Entry], now: Date, window: TimeInterval) {
        table = table.filter { now.timeIntervalSince($0.value.quietSince) <= window }
        while table.count >= capacity, let oldest = table.min(by: { $0.value.quietSince < $1.value.quietSince }) {
            table.removeValue(forKey: oldest.key)
        }
    }
}
