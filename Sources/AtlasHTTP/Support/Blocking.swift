import NIOPosix

/// Runs synchronous work (store calls that block, the coverage engine, work validation) on a
/// thread pool of its own, off the few cooperative threads. Any idle thread takes the next item,
/// so a write holding one thread never keeps a read from starting.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await BlockingPool.shared.runIfActive(work)
}

enum BlockingPool {
    /// Started once, for the life of the process.
    static let shared: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()
}
