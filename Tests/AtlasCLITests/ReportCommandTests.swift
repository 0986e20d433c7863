import AtlasTestSupport
import Foundation
import Testing

/// `worksatlas report` end to end on the report world (the small world's units, villages and
/// statistics, `Tests/Fixtures/report-world/works.geojson`, three maintenance events), each
/// format read back by another program: CSV by Python's csv module, the workbook by GDAL and
/// Python's zipfile, the PDF by poppler. The figures are PeriodReportTests' hand-worked ones.
@Suite(.enabled(if: CLI.isAvailable && SQLiteShell.isAvailable))
struct ReportCommandTests {
    static let fixtures = TestFixtures.folder("report-world")
    static let period = ["--from", "2018-01-01", "--to", "2018-12-31"]

    static func workspaceWithReportWorld() throws -> Workspace {
        let workspace = try Workspace()
        for (kind, url) in [
            ("units", SmallWorld.url("units.geojson")), ("villages", SmallWorld.url("villages.csv")),
            ("stats", SmallWorld.url("stats.csv")), ("works", fixtures.appendingPathComponent("works.geojson")),
        ] {
            let result = try workspace.run(["import", kind, url.path, "--db", workspace.database])
            #expect(result.status == 0, "import \(kind): \(result.stderr)")
        }
        _ = try SQLiteShell.run(
            workspace.database,
            """
            INSERT INTO maintenanceEvent (workId, happenedOn, costVND) VALUES
              ('R-1', '2018-01-01', 5000000), ('R-2', '2018-12-31', 25000000), ('R-2', '2019-01-01', 10000000);
            """)
        return workspace
    }

    func report(_ workspace: Workspace, _ extra: [String]) throws -> CLI.Result {
        try workspace.run(
            ["report", "--db", workspace.database] + Self.period
                + ["--plan", Self.fixtures.appendingPathComponent("plan.json").path] + extra)
    }

    @Test func csvHasOneLinePerCellWithPlainNumbers() throws {
        let workspace = try Self.workspaceWithReportWorld()
        defer { workspace.remove() }
        let result = try report(workspace, ["--by", "commune", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try workspace.write("report.csv", result.stdout)
        let rows = try Tool.run(
            "/usr/bin/python3",
            ["-c", "import csv,sys; [print('|'.join(r)) for r in csv.reader(open(sys.argv[1], newline=''))]", file]
        ).split(separator: "\n").map(String.init)
        #expect(rows.first == "table|row|column|value")
        #expect(rows.contains("funding|total|planned_vnd|1500000000"))
        #expect(rows.contains("funding|total|maintenance_vnd|30000000"))
        #expect(rows.contains("envelope|total|plan_vnd|2100000000"))
        #expect(rows.contains("progress|total|registered|3"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr")))
    func workbookHasASheetPerTableTypedCellsAndFrozenHeadings() throws {
        let workspace = try Self.workspaceWithReportWorld()
        defer { workspace.remove() }
        let result = try report(workspace, ["--by", "district", "-o", workspace.path("r.xlsx")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote the 2018-01-01 – 2018-12-31 report by district (8 tables)"), "\(result.stderr)")
        // GDAL reads every sheet, the headings as field names and đồng as 64-bit integers
        let info = try Tool.run("/usr/bin/ogrinfo", ["-ro", "-so", workspace.path("r.xlsx"), "Vốn"])
        #expect(info.contains("Kế hoạch vốn (đồng): Integer"), "\(info)")  // Integer64 once a sum passes 2^31
        let sheets = try Tool.run("/usr/bin/ogrinfo", ["-ro", "-q", workspace.path("r.xlsx")])
        for name in ["Tiến độ", "Trạng thái cuối kỳ", "Vốn", "Chương trình – nguồn", "Khung kinh phí", "Hộ nghèo", "Độ phủ", "Đường giao thông", "Ghi chú"] {
            #expect(sheets.contains(name), "no sheet \(name): \(sheets)")
        }
        let funding = try Tool.run("/usr/bin/ogr2ogr", ["-f", "CSV", "/vsistdout/", workspace.path("r.xlsx"), "Vốn"])
        let total = try #require(funding.split(separator: "\n").first { $0.contains("Tổng cộng") })
        #expect(total.replacingOccurrences(of: "\"", with: "").contains(",2,1500000000,1000000000,"), "\(total)")
        // and the heading row is frozen, the totals row bold (style 6: bold #,##0)
        let sheet = try Tool.run(
            "/usr/bin/python3",
            ["-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet3.xml').decode())", workspace.path("r.xlsx")])
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("s=\"6\"><v>1500000000</v>"))
    }

    @Test func englishHeadingsWithLangEn() throws {
        let workspace = try Self.workspaceWithReportWorld()
        defer { workspace.remove() }
        let result = try report(workspace, ["--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("POVERTY-REDUCTION INFRASTRUCTURE REPORT"))
        #expect(result.stdout.contains("Planned (đồng)"))
        #expect(result.stdout.contains("1,500,000,000"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func pdfIsA4WithTheTitleTotalsAndTheMapOnItsFirstPage() throws {
        let workspace = try Self.workspaceWithReportWorld()
        defer { workspace.remove() }
        let result = try report(workspace, ["--by", "commune", "-o", workspace.path("r.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try Tool.run("/usr/bin/pdfinfo", [workspace.path("r.pdf")])
        #expect(info.contains("595 x 842 pts (A4)"), "\(info)")
        let first = try Tool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", workspace.path("r.pdf"), "-"])
        #expect(first.contains("BÁO CÁO KẾT QUẢ ĐẦU TƯ CƠ SỞ HẠ TẦNG GIẢM NGHÈO"), "\(first)")
        #expect(first.contains("Khung kinh phí kế hoạch T/KH"))
        #expect(first.contains("2.100.000.000"))
        #expect(first.contains("BẢN ĐỒ TỶ LỆ HỘ NGHÈO NĂM 2018"))
        let all = try Tool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", workspace.path("r.pdf"), "-"])
        #expect(all.contains("1.500.000.000"))
        #expect(all.contains("Tổng cộng"))
        #expect(all.contains("Ghi chú và nguồn số liệu"))
    }

    @Test func badRequestsAreRefusedWithTheirReason() throws {
        let workspace = try Self.workspaceWithReportWorld()
        defer { workspace.remove() }
        let backwards = try workspace.run(["report", "--db", workspace.database, "--from", "2019-01-01", "--to", "2018-01-01"])
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("--from 2019-01-01 is after --to 2018-01-01"), "\(backwards.stderr)")
        let grouping = try workspace.run(["report", "--db", workspace.database] + Self.period + ["--by", "village"])
        #expect(grouping.status == 2)
        #expect(grouping.stderr.contains("--by village is unknown (allowed: province, district, commune, programme, source)"))
        let noFile = try workspace.run(["report", "--db", workspace.database] + Self.period + ["--format", "xlsx"])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("--format xlsx writes a file: give -o FILE"))
        let badPlan = try workspace.write("plan.json", #"{"id": "X"}"#)
        let plan = try workspace.run(["report", "--db", workspace.database] + Self.period + ["--plan", badPlan])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("plan file \(badPlan): not a plan file"), "\(plan.stderr)")
        let empty = try Workspace()
        defer { empty.remove() }
        let nothing = try empty.run(["report", "--db", empty.database] + Self.period)
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("there are no communes on the units of 2018-12-31"), "\(nothing.stderr)")
    }
}
