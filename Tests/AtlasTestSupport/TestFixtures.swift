import Foundation

/// The folders under `Tests/Fixtures/`: worlds as the files a user would import.
public enum TestFixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public static func folder(_ name: String) -> URL { root.appendingPathComponent(name) }
}
