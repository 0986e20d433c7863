import AtlasExport
import AtlasModel
import AtlasReports
import AtlasStore
import AtlasTestSupport
import CCairo
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The printed map read back by independent readers: the PDF with poppler (page size, the words),
/// the PNG decoded by cairo and its pixels compared with the classes worked out here from the
/// fixture's statistics, the SVG parsed as XML.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct PrintMapTests {
    /// The poverty class of each commune in 2020, from stats.csv: the number of breaks (percent)
    /// the rate reaches, in integers (100·poor ≥ break·households), nil without figures.
    static func expectedClasses() throws -> [String: Int?] {
        let stats = try MapWorld.statistics(year: 2020)
        var result: [String: Int?] = [:]
        for code in MapWorld.communeCodes {
            let c = stats[code].map { s in
                ChoroplethScale.poverty.breaks.filter { 100 * s.poor >= Int($0) * s.households }.count
            }
            result.updateValue(c, forKey: code)
        }
        return result
    }

    @Test(.enabled(if: Poppler.isAvailable, "pdftotext/pdfinfo missing: apt-get install poppler-utils"))
    func pdfIsA4WithTheTitleLegendNoticesAndSourcesInVietnamese() throws {
        // Given the map world's poverty map of 2020 with its health works
        let fixture = try MapFixture()
        defer { fixture.remove() }
        let renderer = try fixture.renderer(works: [.health])
        // When it is written as PDF
        try MapFileWriter.write(renderer, to: fixture.path("poverty.pdf"))
        // Then poppler reads an A4 page, turned as the renderer says
        let size = try #require(try Poppler.pageSize(fixture.path("poverty.pdf")))
        #expect(renderer.isLandscape ? (size == (842, 595)) : (size == (595, 842)), "page \(size)")
        // And the title, the legend and its labels, the sources and notices, with their diacritics
        let text = try Poppler.text(fixture.path("poverty.pdf"))
        let squeezed = text.squeezed
        for phrase in [
            "BẢN ĐỒ TỶ LỆ HỘ NGHÈO NĂM 2020 – TỈNH THỬ NGHIỆM", "Poverty rate by commune, 2020",
            "Tỷ lệ hộ nghèo 2020", "Poverty rate 2020", "Không có số liệu / No data", "Số xã / Communes",
            "< 5 %", "5–10 %", "10–20 %", "20–30 %", "≥ 30 %", "Y tế / Health", "Ranh giới huyện / District boundary",
            "Ranh giới thử nghiệm của bộ kiểm thử / Test boundaries", "Số liệu thử nghiệm / Test statistics",
            "Ranh giới xã: sơ đồ minh họa / Commune boundaries are schematic",
            "Dữ liệu mẫu minh họa, không phải số liệu chính thức / Sample data for illustration",
            "Tỷ lệ / Scale 1:", "B / N", "Thiện Thuật", "Quý Hòa",
        ] {
            #expect(squeezed.contains(phrase.squeezed), "the PDF's text lacks \(phrase):\n\(text)")
        }
        // And no letter was decomposed or lost: every non-space character of the title is in the text
        #expect(text.precomposedStringWithCanonicalMapping == text)
    }

    @Test(.enabled(if: Poppler.isAvailable, "pdftotext/pdfinfo missing: apt-get install poppler-utils"))
    func a3IsA3() throws {
        let fixture = try MapFixture()
        defer { fixture.remove() }
        let renderer = try fixture.renderer(paper: .a3)
        try MapFileWriter.write(renderer, to: fixture.path("a3.pdf"))
        let size = try #require(try Poppler.pageSize(fixture.path("a3.pdf")))
        #expect(renderer.isLandscape ? (size == (1191, 842)) : (size == (842, 1191)), "page \(size)")
    }

    /// The legend's counts, read from the PDF, are the communes per class counted from stats.csv.
    @Test(.enabled(if: Poppler.isAvailable, "pdftotext/pdfinfo missing: apt-get install poppler-utils"))
    func legendCountsAreTheCommunesPerClass() throws {
        // Given the classes worked out from the fixture's statistics
        let classes = try Self.expectedClasses()
        var expected = Array(repeating: 0, count: 6)
        for (_, c) in classes { expected[c ?? 5] += 1 }
        #expect(expected == [2, 0, 1, 1, 1, 1], "the fixture no longer spans the classes")
        // When the map is printed
        let fixture = try MapFixture()
        defer { fixture.remove() }
        try MapFileWriter.write(try fixture.renderer(), to: fixture.path("poverty.pdf"))
        // Then each legend label is followed by its count
        let lines = try Poppler.text(fixture.path("poverty.pdf")).split(separator: "\n").map { String($0).squeezed }
            .filter { !$0.isEmpty }
        let labels = ChoroplethScale.poverty.labels(increase: "") + ["Không có số liệu / No data"]
        for (i, label) in labels.enumerated() {
            let at = try #require(lines.firstIndex(of: label.squeezed), "no legend row \(label) in \(lines)")
            #expect(lines[at + 1] == String(expected[i]), "\(label): \(lines[at + 1]), expected \(expected[i])")
        }
    }

    /// The pixel at a point inside each commune has its class's colour (no data grey).
    @Test func pngPixelsHaveTheClassColours() throws {
        // Given the map world's poverty map written as PNG
        let fixture = try MapFixture()
        defer { fixture.remove() }
        let renderer = try fixture.renderer(works: WorkCategory.allCases)
        try MapFileWriter.write(renderer, to: fixture.path("poverty.png"))
        // When cairo decodes it
        let image = try #require(cairo_image_surface_create_from_png(fixture.path("poverty.png")))
        defer { cairo_surface_destroy(image) }
        #expect(cairo_surface_status(image) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = try #require(cairo_image_surface_get_data(image))
        let perPoint = Double(width) / renderer.pageSize.width
        #expect(abs(perPoint - 150.0 / 72) < 0.01, "\(width) px for \(renderer.pageSize.width) pt")
        #expect(abs(Double(height) - renderer.pageSize.height * 150 / 72) <= 1)
        // Then at a point well inside each commune (clear of its name at the centre, the works
        // and the frame's furniture) the colour is the class's
        let toMetric = try CoordinateTransformer(from: SpatialReference.wgs84, to: SpatialReference.metric)
        for (code, expected) in try Self.expectedClasses() {
            let corner = MapWorld.corner(of: code)
            let inside = toMetric.transform(Position(longitude: corner.lon + 0.03, latitude: corner.lat + 0.065))
            let at = renderer.pagePoint(inside)
            let x = Int(at.x * perPoint), y = Int(at.y * perPoint)
            let pixel = data.advanced(by: y * stride + 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
            let colour = "#" + String(pixel & 0xFF_FFFF, radix: 16).leftPadded(to: 6)
            let wanted = expected.map { ChoroplethScale.poverty.palette[$0] } ?? ChoroplethScale.noData
            #expect(colour == wanted.lowercased(), "commune \(code) at (\(x), \(y)) is \(colour), class colour \(wanted)")
        }
    }

    @Test func svgIsXMLWithPaths() throws {
        let fixture = try MapFixture()
        defer { fixture.remove() }
        try MapFileWriter.write(try fixture.renderer(.coverage(.health), works: [.health]), to: fixture.path("m.svg"))
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.path("m.svg")))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "not XML: \(String(describing: parser.parserError))")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("<path"))
        // Six communes, two districts and a province at least, each one path
        #expect(text.components(separatedBy: "<path").count > 9)
    }

    /// Cancelled works are not drawn; the others are counted by category, in vocabulary order.
    @Test func worksOfTheCategoriesAskedForWithoutTheCancelled() throws {
        let fixture = try MapFixture()
        defer { fixture.remove() }
        let map = try PrintMap.load(from: fixture.database, indicator: .povertyRate, year: 2020, categories: [.culture, .road, .health])
        #expect(map.works.map(\.category) == [.road, .culture, .health])
        #expect(map.works.map(\.works.count) == [1, 0, 1])
        let none = try PrintMap.load(from: fixture.database, indicator: .povertyRate, year: 2020, categories: [])
        #expect(none.works.isEmpty)
    }

    @Test func aYearWithoutStatisticsAndAnUnknownExtensionAreRefused() throws {
        let fixture = try MapFixture()
        defer { fixture.remove() }
        #expect {
            try PrintMap.load(from: fixture.database, indicator: .povertyRate, year: 2031, categories: [])
        } throws: { error in
            "\(error)".contains("no statistics for 2031: there are statistics for 2019, 2020")
        }
        #expect(throws: MapError.self) { try MapFileWriter.write(try fixture.renderer(), to: fixture.path("m.jpg")) }
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
        #expect(!left.contains { $0.hasPrefix("m.") || $0.contains("partial") }, "\(left)")
    }

    @Test func indicatorsParseAsTheCommandLineWritesThem() throws {
        #expect(try MapIndicator(argument: "poverty_rate") == .povertyRate)
        #expect(try MapIndicator(argument: "poverty_change") == .povertyChange)
        #expect(try MapIndicator(argument: "coverage_water") == .coverage(.water))
        #expect(throws: ModelError.self) { try MapIndicator(argument: "coverage_bridges") }
        #expect(throws: ModelError.self) { try MapIndicator(argument: "poverty") }
    }
}
