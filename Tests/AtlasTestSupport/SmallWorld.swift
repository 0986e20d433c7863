import Foundation

/// The small province of the import, coverage and export tests, as files under
/// `Tests/Fixtures/small-world/`: province 20 (lon 106.0–106.2, lat 21.0–21.2), district 178 with
/// communes 00001 and 00002, three villages, statistics for 2017–2018, classifications and three
/// works. Read by path, so a test and a user's `worksatlas import` see the same bytes.
public enum SmallWorld {
    public static let folder = TestFixtures.folder("small-world")

    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    public static func text(_ name: String) -> String {
        (try? String(contentsOf: url(name), encoding: .utf8)) ?? ""
    }

    /// The works file's features, one per line (feature i on line i + 2).
    public static var workFeatures: [String] {
        text("works.geojson").split(separator: "\n").dropFirst().dropLast().map {
            String($0.hasSuffix(",") ? $0.dropLast() : $0)
        }
    }
}
