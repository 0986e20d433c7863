import AtlasTestSupport
import Foundation
import Testing

/// `worksatlas map`: the map world imported through the CLI, printed as PDF, PNG and SVG; bad
/// input refused with the stable exit codes, and nothing left behind.
@Suite(.enabled(if: CLI.isAvailable))
struct MapCommandTests {
    static let hasPoppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    static func workspaceWithMapWorld() throws -> Workspace {
        let workspace = try Workspace()
        for (kind, file) in [
            ("units", "units.geojson"), ("villages", "villages.csv"), ("stats", "stats.csv"), ("works", "works.geojson"),
        ] {
            let result = try workspace.run(["import", kind, MapWorld.url(file).path, "--db", workspace.database])
            #expect(result.status == 0, "import \(kind): \(result.stderr)")
        }
        return workspace
    }

    @Test(.enabled(if: hasPoppler, "pdfinfo missing: apt-get install poppler-utils"))
    func writesAnA4PdfAndAnA3OneWithTheWorksAskedFor() throws {
        let workspace = try Self.workspaceWithMapWorld()
        defer { workspace.remove() }
        let a4 = try workspace.run([
            "map", "--db", workspace.database, "--indicator", "poverty_rate", "--works", "health", "school",
            "-o", workspace.path("out/poverty.pdf"),
        ])
        #expect(a4.status == 0, "\(a4.stderr)")
        #expect(a4.stderr.contains("map of 2020 (6 communes; per class 2, 0, 1, 1, 1, 1; 2 works)"), "\(a4.stderr)")
        let info = try Tool.run("/usr/bin/pdfinfo", [workspace.path("out/poverty.pdf")])
        #expect(info.contains("842 x 595 pts") || info.contains("595 x 842 pts (A4)"), "\(info)")
        let a3 = try workspace.run([
            "map", "--db", workspace.database, "--indicator", "coverage_health", "--year", "2019", "--paper", "a3",
            "-o", workspace.path("coverage.pdf"),
        ])
        #expect(a3.status == 0, "\(a3.stderr)")
        let info3 = try Tool.run("/usr/bin/pdfinfo", [workspace.path("coverage.pdf")])
        #expect(info3.contains("1191 x 842 pts") || info3.contains("842 x 1191 pts (A3)"), "\(info3)")
    }

    @Test func pngAndSvgFromTheExtension() throws {
        let workspace = try Self.workspaceWithMapWorld()
        defer { workspace.remove() }
        for name in ["m.png", "m.SVG"] {
            let result = try workspace.run([
                "map", "--db", workspace.database, "--indicator", "poverty_change", "--works", "all", "-o",
                workspace.path(name),
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let png = try Data(contentsOf: URL(fileURLWithPath: workspace.path("m.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let svg = try String(contentsOf: URL(fileURLWithPath: workspace.path("m.SVG")), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
    }

    @Test(arguments: [
        (["--indicator", "poverty", "-o", "m.pdf"], 2, "--indicator: unknown value \"poverty\""),
        (["--indicator", "coverage_bridge", "-o", "m.pdf"], 2, "coverage_road"),
        (["--indicator", "poverty_rate", "--works", "bridge", "-o", "m.pdf"], 2, "--works bridge is unknown"),
        (["--indicator", "poverty_rate", "-o", "m.jpg"], 2, "allowed: .pdf, .png, .svg"),
        (["--indicator", "poverty_rate", "--paper", "a5", "-o", "m.pdf"], 2, "a5"),
        (["--indicator", "poverty_rate", "--year", "2031", "-o", "m.pdf"], 1,
            "no statistics for 2031: there are statistics for 2019, 2020"),
        (["--indicator", "poverty_rate", "-o", "villages.csv/m.pdf"], 3, "cannot create the folder"),
    ])
    func badInputIsRefusedWithItsExitCode(_ arguments: [String], _ status: Int32, _ says: String) throws {
        let workspace = try Self.workspaceWithMapWorld()
        defer { workspace.remove() }
        // villages.csv is a file, so no folder can be made under it
        let result = try workspace.run(["map", "--db", workspace.database] + arguments.map {
            $0.hasSuffix(".pdf") || $0.hasSuffix(".jpg") ? workspace.path($0) : $0
        })
        #expect(result.status == status && result.stderr.contains(says), "\(result.status): \(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path)
        #expect(!left.contains { $0.hasPrefix("m.") || $0.contains("partial") }, "\(left)")
    }
}
