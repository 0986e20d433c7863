import Foundation
import Testing

@testable import AtlasExport

/// The QGIS style's classes are the web map's: breaks, palette and no-data colour read from
/// Maps/legend.js, so a change to one that forgets the other fails here.
@Suite struct PovertyChoroplethTests {
    static let legend: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Maps/legend.js"), encoding: .utf8)) ?? ""
    }()

    /// The text of `key: [ … ]` inside the `poverty: { … }` indicator.
    static func array(_ key: String) throws -> [String] {
        let poverty = try #require(legend.range(of: "poverty: {")).upperBound
        let end = try #require(legend.range(of: "change: {")).lowerBound
        let block = legend[poverty..<end]
        let start = try #require(block.range(of: "\(key): [")).upperBound
        let list = block[start...].prefix { $0 != "]" }
        return list.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
    }

    @Test func classesAreTheWebMapsClasses() throws {
        #expect(try Self.array("breaks") == PovertyChoropleth.breaksPercent.map(String.init))
        #expect(try Self.array("palette") == PovertyChoropleth.palette)
        #expect(Self.legend.contains("WA.NO_DATA = '\(PovertyChoropleth.noData)'"))
        // The value the web map classifies is the rate in percent (num(p.poverty_rate, 100)).
        #expect(Self.legend.contains("num(p.\(PovertyChoropleth.field), 100)"))
    }

    @Test func rulesFollowTheWebMapsBounds() {
        let classes = PovertyChoropleth.classes
        #expect(classes.map(\.label) == ["< 5 %", "5–10 %", "10–20 %", "20–30 %", "≥ 30 %", "Không có số liệu (no data)"])
        #expect(classes[1].filter == "\"poverty_rate\" >= 0.05 AND \"poverty_rate\" < 0.1")
        #expect(PovertyChoropleth.rgba("#bd0026", 0.85) == "189,0,38,217")
    }
}
