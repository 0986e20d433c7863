import Foundation

/// The printed map's world, as files under `Tests/Fixtures/map-world/`: province 30 over lon
/// 106.0–106.3, lat 21.0–21.2, districts 301 (west of 106.2) and 302, and six communes of
/// 0.1° × 0.1° in two rows (30001–30003 south, 30004–30006 north, west to east), whose 2020
/// poverty rates fall in different classes (30006 has figures for 2019 only); four works, one of
/// them cancelled; a sources.json with attributions and notices.
public enum MapWorld {
    public static let folder = TestFixtures.folder("map-world")

    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The south-west corner of commune `code` (lon, lat), from its position in the grid.
    public static func corner(of code: String) -> (lon: Double, lat: Double) {
        let n = (Int(code.suffix(1)) ?? 1) - 1
        return (106.0 + 0.1 * Double(n % 3), 21.0 + 0.1 * Double(n / 3))
    }

    /// (households, poor households) of each commune in `year`, read from stats.csv.
    public static func statistics(year: Int) throws -> [String: (households: Int, poor: Int)] {
        let text = try String(contentsOf: url("stats.csv"), encoding: .utf8)
        var result: [String: (Int, Int)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            guard cells.count >= 4, Int(cells[0]) == year, let h = Int(cells[2]), let p = Int(cells[3]) else { continue }
            result[cells[1]] = (h, p)
        }
        return result
    }

    public static let communeCodes = ["30001", "30002", "30003", "30004", "30005", "30006"]
}
