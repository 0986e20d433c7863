import Hummingbird
import Synchronization

/// The routes as the router has them (Hummingbird lists what was registered), read by the
/// middlewares that run before routing: the 405 with its Allow header, and the body checks
/// that apply only to a route that takes the method.
final class RouteTable: Sendable {
    /// Path patterns (`/ogc/collections/{collectionId}`) with their methods, HEAD included.
    private let entries = Mutex<[(pattern: [Substring], methods: [HTTPRequest.Method])]>([])

    func fill(from routes: [(path: String, method: HTTPRequest.Method)]) {
        var byPath: [String: [HTTPRequest.Method]] = [:]
        for (path, method) in routes { byPath[path, default: []].append(method) }
        let table = byPath.sorted { $0.key < $1.key }.map { path, methods in
            var methods = methods
            if methods.contains(.get) && !methods.contains(.head) { methods.append(.head) }
            return (pattern: path.split(separator: "/"), methods: methods)
        }
        entries.withLock { $0 = table }
    }

    /// Every path pattern with its methods, sorted by path.
    var all: [(path: String, methods: [HTTPRequest.Method])] {
        entries.withLock { $0.map { ("/" + $0.pattern.joined(separator: "/"), $0.methods) } }
    }

    /// The methods a known path takes, or nil for an unknown path.
    func allowedMethods(forPath path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.withLock { table in
            table.first { entry in
                entry.pattern.count == parts.count
                    && zip(entry.pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }?.methods
        }
    }
}
