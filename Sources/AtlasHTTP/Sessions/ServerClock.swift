import Foundation

/// Where the server reads the time for session expiry and sign-in throttling; tests give their own.
public struct ServerClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = ServerClock { Date() }
}
