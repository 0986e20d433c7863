import AtlasStore

/// Whether SpatiaLite loads on this machine: suites that need a database are skipped, not
/// failed, where it is missing (Scripts/setup installs it).
public enum SpatiaLiteProbe {
    public static let isAvailable: Bool = (try? AppDatabase.inMemory()) != nil
}
