import AtlasModel
import Foundation
import Testing

@testable import AtlasExport

/// Every indicator's breaks and palette, and the works' category colours, are legend.js's: a
/// change to one side that forgets the other fails here.
@Suite struct ChoroplethScaleTests {
    /// The text of `name: { … }` in `WA.indicators`, up to the next indicator or the end of the object.
    static func block(_ name: String) throws -> Substring {
        let legend = PovertyChoroplethTests.legend
        let start = try #require(legend.range(of: "    \(name): {")).upperBound
        let rest = legend[start...]
        let end = rest.range(of: "\n    }")?.lowerBound ?? rest.endIndex
        return rest[..<end]
    }

    static func array(_ key: String, in block: Substring) throws -> [String] {
        let start = try #require(block.range(of: "\(key): [")).upperBound
        return block[start...].prefix { $0 != "]" }.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
    }

    @Test(arguments: ChoroplethScale.all)
    func breaksAndPaletteAreTheWebMaps(_ scale: ChoroplethScale) throws {
        let block = try Self.block(scale.key)
        #expect(try Self.array("breaks", in: block).compactMap(Double.init) == scale.breaks)
        #expect(try Self.array("palette", in: block) == scale.palette)
        #expect(block.contains("zeroClass: true") == scale.zeroClass)
        #expect(block.contains("unit: '\(scale.unit)'"))
        #expect(block.contains(", \(Int(scale.factor))); }"), "legend.js multiplies \(scale.key) by another factor")
        #expect(PovertyChoroplethTests.legend.contains("WA.NO_DATA = '\(ChoroplethScale.noData)'"))
    }

    @Test func categoryColoursAreTheWebMaps() throws {
        let legend = PovertyChoroplethTests.legend
        let start = try #require(legend.range(of: "WA.categoryColors = {")).upperBound
        let body = legend[start...].prefix { $0 != "}" }
        for category in WorkCategory.allCases {
            #expect(body.contains("\(category.rawValue): '\(category.colour)'"), "\(category) differs from legend.js")
        }
    }

    /// `WA.classOf`: lower bounds inclusive; coverage's exact 0 its own class; nil no data.
    @Test func classesFollowTheWebMapsBounds() {
        #expect(ChoroplethScale.poverty.classIndex(ofProperty: 0.0499) == 0)
        #expect(ChoroplethScale.poverty.classIndex(ofProperty: 0.05) == 1)
        #expect(ChoroplethScale.poverty.classIndex(ofProperty: 0.3) == 4)
        #expect(ChoroplethScale.poverty.classIndex(ofProperty: nil) == nil)
        #expect(ChoroplethScale.change.classIndex(ofProperty: -0.5) == 0)
        #expect(ChoroplethScale.change.classIndex(ofProperty: 0) == 1)
        #expect(ChoroplethScale.coverage.classIndex(ofProperty: 0) == 0)
        #expect(ChoroplethScale.coverage.classIndex(ofProperty: 0.01) == 1)
        #expect(ChoroplethScale.coverage.classIndex(ofProperty: 0.75) == 4)
        #expect(ChoroplethScale.coverage.labels(increase: "tăng") == ["0 %", "> 0–25 %", "25–50 %", "50–75 %", "≥ 75 %"])
        #expect(ChoroplethScale.change.labels(increase: "tăng")[0] == "< 0 (tăng)")
    }
}
