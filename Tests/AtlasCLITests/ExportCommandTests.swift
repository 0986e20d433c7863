import Foundation
import Testing

/// `worksatlas export … -o FILE`: the format from the extension or --format, --srid, and the
/// combinations refused as usage errors (exit 2) before anything is written.
@Suite(.enabled(if: CLI.isAvailable))
struct ExportCommandTests {
    static func workspaceWithAWork() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.loadWorld()
        let works = try workspace.write(
            "works.csv",
            """
            id,name,programme,category,status,planned_vnd,lon,lat
            W-1,Trạm y tế xã Hồng Phong,135,health,approved,1500000000,106.05,21.05

            """)
        let result = try workspace.run(["import", "works", works, "--db", workspace.database])
        #expect(result.status == 0, "\(result.stderr)")
        return workspace
    }

    @Test func theExtensionOrFormatChoosesTheFile() throws {
        let workspace = try Self.workspaceWithAWork()
        defer { workspace.remove() }
        let gpkg = try workspace.run(["export", "works", "--db", workspace.database, "-o", workspace.path("w.gpkg")])
        #expect(gpkg.status == 0, "\(gpkg.stderr)")
        #expect((gpkg.stdout + gpkg.stderr).contains("wrote 1 works to \(workspace.path("w.gpkg"))"))
        let header = try Data(contentsOf: URL(fileURLWithPath: workspace.path("w.gpkg"))).prefix(15)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3")
        let csv = try workspace.run([
            "export", "works", "--db", workspace.database, "--format", "csv", "-o", workspace.path("w.txt"),
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        let text = try String(contentsOf: URL(fileURLWithPath: workspace.path("w.txt")), encoding: .utf8)
        #expect(text.hasPrefix("WKT,id,name,"), "\(text)")
        #expect(text.contains("Trạm y tế xã Hồng Phong") && text.contains("106.05,21.05"), "\(text)")
        let sequence = try workspace.run(["export", "works", "--db", workspace.database, "-o", workspace.path("w.geojsons")])
        #expect(sequence.status == 0, "\(sequence.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("w.geojsons"))).first == 0x1E)
    }

    @Test(arguments: [
        (["--srid", "9215", "-o", "w.kml"], "WGS 84"),
        (["--srid", "9215", "-o", "w.geojson"], "WGS 84"),
        (["--srid", "2154", "-o", "w.gpkg"], "--srid 2154 is not supported"),
        (["--format", "gpx", "-o", "w.gpx"], "--format gpx is unknown"),
        (["--format", "gpkg", "-o", "-"], "standard output"),
    ])
    func refusedCombinationsAreUsageErrors(_ arguments: [String], _ says: String) throws {
        let workspace = try Self.workspaceWithAWork()
        defer { workspace.remove() }
        let result = try workspace.run(["export", "works", "--db", workspace.database] + arguments)
        #expect(result.status == 2 && result.stderr.contains(says), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path)
        #expect(!written.contains { $0.hasPrefix("w.") }, "\(written)")
    }
}
