import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// CSV as Vietnamese Excel saves it, and Kobo/ODK exports.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct CSVDialectImportTests {
    @Test func semicolonCSVWithDecimalCommasIsRead() throws {
        // Given Excel's "CSV" in a Vietnamese locale: BOM, ";" separators, decimal commas
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = "\u{FEFF}Mã công trình;Tên công trình;Chương trình;Loại công trình;Tình trạng;Kinh độ;Vĩ độ;Tổng vốn\r\n"
            + "C-1;Nhà văn hóa thôn;135;Văn hóa;Đã bàn giao;106,05;21,05;1.200.000.000\r\n"
        let report = try world.importer.importWorks(from: try world.write("excel.csv", text))
        // Then the point and amount are read, and the notes say how
        let work = try #require(try world.database.work(id: "C-1")).work
        #expect(work.geometry == .point(Position(x: 106.05, y: 21.05)))
        #expect(work.category == .culture && work.status == .handedOver && work.plannedVND == 1_200_000_000)
        #expect(report.notes.contains { $0.contains("UTF-8 with BOM, \";\"-separated, decimal commas") })
    }

    @Test func unicodeTextIsUTF16WithTabs() throws {
        // Given Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = "Mã công trình\tTên công trình\tChương trình\tLoại công trình\tTình trạng\tKinh độ\tVĩ độ\tNgày khởi công\r\n"
            + "U-1\tĐường \"Khuổi\"\t30a\tGiao thông\tĐang thi công\t106.12\t21.12\t01/06/2020\r\n"
        let url = world.url("unicode.txt.csv")
        try Data([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)).write(to: url)
        let report = try world.importer.importWorks(from: url)
        let work = try #require(try world.database.work(id: "U-1")).work
        #expect(work.name == "Đường \"Khuổi\"" && work.startedOn == Fixtures.date("2020-06-01"))
        #expect(report.notes.contains { $0.contains("UTF-16 LE, tab-separated") })
    }

    @Test func badSemicolonRowsAreListedByLine() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = "Mã công trình;Tên công trình;Chương trình;Loại công trình;Tình trạng;Kinh độ;Vĩ độ\n"
            + "C-1;A;135;Giao thông;Hoàn thành;106,05;21,05\n" + "C-2;B;135;Giao thông;Xong rồi;106,05;21,05\n"
            + "C-3;C;135;Giao thông;Hoàn thành;abc;21,05\n"
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("bad.csv", text))
        }
        #expect(failure.problems.map(\.location) == ["line 3", "line 4"], "\(failure)")
    }

    @Test func koboExportWithGeopointAndMetadata() throws {
        // Given a KoboToolbox CSV export: split geopoint columns, a geotrace, and its metadata
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = """
            start;end;thong_tin/ma_cong_trinh;thong_tin/ten_cong_trinh;chuong_trinh;loai;tinh_trang;vi_tri;_vi_tri_latitude;_vi_tri_longitude;_vi_tri_altitude;_vi_tri_precision;meta/instanceID;_id;_uuid;_submission_time;__version__;_index
            2024-05-01T08:00:00;2024-05-01T08:10:00;KB-1;Giếng làng;135;Nước sinh hoạt;Hoàn thành;21.05 106.05 300 4.5;21.05;106.05;300;4.5;uuid:1;101;abc;2024-05-01T09:00:00;v1;1

            """
        let report = try world.importer.importWorks(from: try world.write("kobo.csv", text))
        let work = try #require(try world.database.work(id: "KB-1")).work
        #expect(work.geometry == .point(Position(x: 106.05, y: 21.05)))
        #expect(work.accuracyM == 4.5 && work.category == .water)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        // And a geotrace answer "lat lon alt acc;…" is a line
        let trace = """
            ma_cong_trinh,ten_cong_trinh,chuong_trinh,loai_cong_trinh,tinh_trang,duong_di,_id
            KB-2,Đường mòn,135,Giao thông,Đề xuất,21.02 106.02 0 5;21.03 106.08 0 5,7

            """
        let columns = try world.write("columns.csv", "header,field\nduong_di,geopoint\n")
        _ = try world.importer.importWorks(
            from: try world.write("trace.csv", trace), options: WorkFileOptions(columnsFile: columns))
        #expect(
            try world.database.work(id: "KB-2")?.work.geometry
                == .lineString([Position(x: 106.02, y: 21.02), Position(x: 106.08, y: 21.03)]))
    }
}
