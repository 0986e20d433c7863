/// Values computed once per key and kept while the database's change stamp stays the same; at
/// most `capacity` keys (a full cache starts over), so no sequence of requests grows it without
/// bound. A failed computation is not kept.
actor StampedCache<Key: Hashable & Sendable, Value: Sendable> {
    private var entries: [Key: (stamp: String, task: Task<Value, any Error>)] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(
        for key: Key, stamp: String, build: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        if let entry = entries[key], entry.stamp == stamp { return try await entry.task.value }
        entries = entries.filter { $0.value.stamp == stamp }
        if entries.count >= capacity { entries = [:] }
        let task = Task { try await build() }
        entries[key] = (stamp, task)
        do {
            return try await task.value
        } catch {
            if entries[key]?.task == task { entries[key] = nil }
            throw error
        }
    }

    func removeAll() { entries = [:] }
}
