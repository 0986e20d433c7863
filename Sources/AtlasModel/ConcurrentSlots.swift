import Synchronization

/// Results written by index from concurrent workers (`DispatchQueue.concurrentPerform`) and read
/// once they are done. Every access takes the lock: unsynchronised writes to one array from
/// several threads are a data race even when the indices differ (the array's storage is shared).
public final class ConcurrentSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value]>

    public init(count: Int, initial: Value) {
        slots = Mutex(Array(repeating: initial, count: count))
    }

    public subscript(i: Int) -> Value {
        get { slots.withLock { $0[i] } }
        set { slots.withLock { $0[i] = newValue } }
    }

    public var values: [Value] { slots.withLock { $0 } }
}
