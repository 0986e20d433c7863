import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Works from Excel workbooks as clerks keep them: a merged title above Vietnamese headers,
/// Vietnamese values, amounts with dot thousands, dates as date cells and as dd/mm/yyyy text.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && OfficeFiles.available))
struct WorkbookImportTests {
    static let header = #"["STT","Mã công trình","Tên công trình","Chương trình","Loại công trình","Tình trạng","Kinh độ","Vĩ độ","Mã xã","Ngày phê duyệt","Ngày hoàn thành","Kế hoạch vốn (đồng)","Đã giải ngân","Mặt đường","Chủ đầu tư","Ghi chú"]"#

    static let clerkSpec = """
        {"sheets": [{"name": "Danh mục 2019", "merge": ["A1:P1"], "rows": [
          ["DANH MỤC CÔNG TRÌNH HẠ TẦNG CHƯƠNG TRÌNH 135 NĂM 2019 - XÃ HỒNG PHONG"],
          [],
          \(header),
          [1, "LS-001", "Đường thôn Nà Pàn", "135", "Giao thông", "Hoàn thành", 106.05, 21.05, "00001",
           {"date": "2019-03-15"}, "20/11/2019", "1.500.000.000", "1.450.000.000", "Bê tông", "Xã", ""],
          [],
          [2, "LS-002", "Trạm y tế xã", "Chương trình 30a", "Trạm y tế", "Đang thi công", 106.15, 21.05, 2,
           "15/04/2019", null, 2000000000, "1,000,000,000", null, "Huyện", "đang làm"],
          [3, "LS-003", "Nhà văn hóa Khuổi Lũng", "ntm", "Văn hóa", "Đề xuất", 106.08, 21.12, null,
           null, null, null, null, null, null, null],
          [null, null, "Tổng cộng", null, null, null, null, null, null, null, null, 3500000000, 2450000000]
        ]}]}
        """

    @Test func openDocumentSheetReadsAsTheExcelOne() throws {
        // Given the clerk's workbook saved as OpenDocument by GDAL's ODS driver (which writes its
        // its own field-name row on top and drops the blank row, so the header is in row 3)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let xlsx = try OfficeFiles.workbook(Self.clerkSpec, in: world, named: "danh-muc.xlsx")
        let ods = world.url("danh-muc.ods")
        _ = try Tool.run(
            OfficeFiles.ogr2ogr, ["-f", "ODS", ods.path, xlsx.path, "-oo", "HEADERS=DISABLE", "-oo", "FIELD_TYPES=STRING"])
        // When it is imported
        let report = try world.importer.importWorks(from: ods)
        // Then the same three works come out, with the amounts and dates as the clerk typed them
        #expect(report.rowCount == 3)
        let road = try #require(try world.database.work(id: "LS-001")).work
        #expect(road.name == "Đường thôn Nà Pàn")
        #expect(road.status == .completed)
        #expect(road.plannedVND == 1_500_000_000)
        #expect(road.approvedOn == Fixtures.date("2019-03-15"))
        #expect(report.notes.contains { $0.contains("header in row 3") }, "\(report.notes)")
    }

    @Test func clerkWorkbookIsReadWithItsVietnameseHeadersAndValues() throws {
        // Given a workbook with a title row merged across the sheet and the header in row 3
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let file = try OfficeFiles.workbook(Self.clerkSpec, in: world, named: "danh-muc.xlsx")
        // When it is imported
        let report = try world.importer.importWorks(from: file)
        // Then the three works are stored with their values read from Vietnamese
        #expect(report.rowCount == 3)
        let road = try #require(try world.database.work(id: "LS-001")).work
        #expect(road.name == "Đường thôn Nà Pàn")
        #expect(road.programme == .p135)
        #expect(road.category == .road)
        #expect(road.status == .completed)
        #expect(road.surface == .concrete)
        #expect(road.investor == .commune)
        #expect(road.declaredCommuneCode == "00001")
        #expect(road.approvedOn == Fixtures.date("2019-03-15"))
        #expect(road.completedOn == Fixtures.date("2019-11-20"))
        #expect(road.plannedVND == 1_500_000_000)
        #expect(road.disbursedVND == 1_450_000_000)
        #expect(road.geometry == .point(Position(x: 106.05, y: 21.05)))
        let clinic = try #require(try world.database.work(id: "LS-002")).work
        #expect(clinic.programme == .p30a)
        #expect(clinic.category == .health)
        #expect(clinic.status == .underConstruction)
        #expect(clinic.declaredCommuneCode == "00002")  // a number cell that lost its leading zeros
        #expect(clinic.approvedOn == Fixtures.date("2019-04-15"))
        #expect(clinic.plannedVND == 2_000_000_000)
        #expect(clinic.disbursedVND == 1_000_000_000)
        #expect(clinic.investor == .district)
        let hall = try #require(try world.database.work(id: "LS-003")).work
        #expect(hall.category == .culture)
        #expect(hall.status == .proposed)
        // And the notes say which sheet and header row were read and how each header was taken
        let notes = report.notes.joined(separator: "\n")
        #expect(notes.contains("sheet \"Danh mục 2019\"; header in row 3"))
        #expect(notes.contains("Mã công trình → id"))
        #expect(notes.contains("Kế hoạch vốn (đồng) → planned_vnd"))
        #expect(notes.contains("Đã giải ngân → disbursed_vnd"))
        #expect(notes.contains("Chủ đầu tư → investor"))
        #expect(notes.contains("row 8 skipped: a totals row"))
        #expect(report.warnings.contains { $0.contains("unknown column \"Ghi chú\" ignored") })
        #expect(!report.warnings.contains { $0.contains("STT") })
    }

    @Test func badWorkbookListsEveryBadRowBySheetAndExcelRow() throws {
        // Given a workbook whose rows 4, 6 and 7 are wrong, under a title row
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let spec = """
            {"sheets": [{"name": "Tổng hợp", "rows": [["Bảng tổng hợp"], \(Self.header),
              [1, "B-1", "Đường", "135", "Đường sắt", "Hoàn thành", 106.05, 21.05, null, null, null, "1.5 tỷ"],
              [2, "B-2", "Giếng", "135", "Nước sinh hoạt", "Đề xuất", 106.05, 21.05],
              [3, "B-3", "Cầu", "135", "Giao thông", "Đã xong", 21.05, 106.05],
              [4, "B-4", "Kênh", "135", "Thủy lợi", "Đề xuất", 106.07, 21.07, null, "31/02/2019"]
            ]}]}
            """
        let file = try OfficeFiles.workbook(spec, in: world, named: "bad.xlsx")
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importWorks(from: file) }
        // Then every bad row is listed with the sheet and its Excel row, field, value and reason
        let problems = failure.problems.map(\.description)
        func has(_ location: String, _ field: String, _ value: String) -> Bool {
            failure.problems.contains { $0.location == location && $0.field == field && $0.value == value }
        }
        #expect(has("sheet \"Tổng hợp\" row 3", "category", "Đường sắt"), "\(problems)")
        #expect(has("sheet \"Tổng hợp\" row 3", "planned_vnd", "1.5 tỷ"), "\(problems)")
        #expect(has("sheet \"Tổng hợp\" row 5", "status", "Đã xong"), "\(problems)")
        #expect(failure.problems.contains { $0.location == "sheet \"Tổng hợp\" row 6" && $0.field == "approved_on" })
        #expect(!failure.problems.contains { $0.location.contains("row 4") }, "\(problems)")
        // And nothing was imported
        #expect(try world.database.work(id: "B-2") == nil)
    }

    @Test func tm3WorkbookWithXYColumnsLandsWhereCs2csPutsIt() throws {
        // Given VN-2000 / TM-3 107°15′ survey points as X (northing) / Y (easting), the way Vietnamese surveys write them
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let spec = """
            {"sheets": [{"name": "Toạ độ", "rows": [
              ["Mã công trình", "Tên công trình", "Chương trình", "Loại công trình", "Trạng thái", "X", "Y"],
              ["T-1", "Giếng", "135", "Nước sinh hoạt", "Đề xuất", 2328900, 385500],
              ["T-2", "Giếng 2", "135", "Nước sinh hoạt", "Đề xuất", 2340000, 375200]
            ]}]}
            """
        let file = try OfficeFiles.workbook(spec, in: world, named: "tm3.xlsx")
        // When it is imported with --srid 9215
        let report = try world.importer.importWorks(from: file, srid: 9215)
        // Then each point is within 1e-6° of where cs2cs puts it
        #expect(report.notes.contains { $0.contains("X = northing") })
        for (id, e, n) in [("T-1", 385500.0, 2328900.0), ("T-2", 375200.0, 2340000.0)] {
            let expected = try OfficeFiles.cs2csLonLat(easting: e, northing: n, srid: 9215)
            guard case .point(let p) = try #require(try world.database.work(id: id)).work.geometry else {
                Issue.record("\(id) is not a point")
                continue
            }
            #expect(abs(p.x - expected.lon) < 1e-6 && abs(p.y - expected.lat) < 1e-6, "\(id): \(p) vs \(expected)")
        }
    }

    @Test func sheetOptionPicksTheSheetAndDefaultsFillMissingColumns() throws {
        // Given a workbook whose second sheet holds the works, without programme and category columns
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let spec = """
            {"sheets": [{"name": "Hướng dẫn", "rows": [["Điền vào trang sau"]]},
              {"name": "Số liệu", "rows": [["Mã công trình", "Tên công trình", "Tình trạng", "Kinh độ", "Vĩ độ"],
                ["D-1", "Đường nội đồng", "Hoàn thành", 106.05, 21.05]]}]}
            """
        let file = try OfficeFiles.workbook(spec, in: world, named: "two.xlsx")
        // When it is imported with --sheet and --defaults
        _ = try world.importer.importWorks(
            from: file,
            options: WorkFileOptions(sheet: "Số liệu", defaults: ["programme": "135", "category": "Giao thông"]))
        // Then the defaults are its values
        let work = try #require(try world.database.work(id: "D-1")).work
        #expect(work.programme == .p135 && work.category == .road && work.status == .completed)
        // And without --sheet the first sheet with a header is read
        let report = try world.importer.importWorks(
            from: file, options: WorkFileOptions(defaults: ["programme": "135", "category": "road"]))
        #expect(report.notes.contains { $0.contains("read sheet \"Số liệu\"") })
        // And a sheet that is not there is named with those that are
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: file, options: WorkFileOptions(sheet: "Sheet9"))
        }
        #expect(failure.problems.first?.reason.contains("\"Hướng dẫn\", \"Số liệu\"") == true)
    }
}
