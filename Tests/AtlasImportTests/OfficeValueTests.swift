import AtlasModel
import Testing

@testable import AtlasImport

/// How office files' headers and cells are read, one rule at a time.
@Suite struct OfficeValueTests {
    @Test(arguments: [
        ("1.500.000.000", "1500000000"), ("1,500,000,000", "1500000000"), ("1 500 000 000 đ", "1500000000"),
        ("1500000000", "1500000000"), ("1.5 tỷ", "1.5 tỷ"), ("1.50.000", "1.50.000"), ("12.5", "12.5"),
    ])
    func moneyTextLosesOnlyItsThousandSeparators(_ text: String, _ expected: String) {
        #expect(OfficeCellText.money(text) == expected)
    }

    @Test(arguments: [
        ("15/03/2019", "2019-03-15"), ("5/3/2019", "2019-03-05"), ("2019/03/15", "2019-03-15"),
        ("2019-03-15 00:00:00", "2019-03-15"), ("43539", "2019-03-15"), ("43539.75", "2019-03-15"),
        ("15.03.2019", "2019-03-15"), ("03/15/19", "03/15/19"), ("hôm qua", "hôm qua"),
    ])
    func datesAreReadDayFirstOrAsExcelSerials(_ text: String, _ expected: String) {
        #expect(OfficeCellText.date(text) == expected)
    }

    @Test func excelSerialsCountFromItsEpoch() {
        // Excel shows 1 as 1900-01-01 and 60 as its non-existent 1900-02-29; from 61 on it is exact.
        #expect(OfficeCellText.excelSerial(61) == "1900-03-01")
        #expect(OfficeCellText.excelSerial(36526) == "2000-01-01")
        #expect(OfficeCellText.excelSerial(45658) == "2025-01-01")
    }

    @Test(arguments: [("106,45", "106.45"), ("106.45", "106.45"), ("1.234,5", "1234.5"), ("21", "21")])
    func decimalCommasBecomePoints(_ text: String, _ expected: String) {
        #expect(OfficeCellText.decimal(text) == expected)
    }

    @Test(arguments: [
        ("Mã công trình", "id"), ("MÃ CÔNG TRÌNH", "id"), ("ma cong trinh", "id"), ("Tên công trình", "name"),
        ("Chương trình", "programme"), ("Loại công trình", "category"), ("Tình trạng", "status"),
        ("Trạng thái", "status"), ("Mã xã", "commune_code"), ("Mặt đường", "surface"),
        ("Ngày phê duyệt", "approved_on"), ("Ngày khởi công", "started_on"), ("Ngày hoàn thành", "completed_on"),
        ("Kế hoạch vốn (đồng)", "planned_vnd"), ("Tổng vốn", "planned_vnd"), ("Giải ngân (đồng)", "disbursed_vnd"),
        ("Đã giải ngân", "disbursed_vnd"), ("Chủ đầu tư", "investor"), ("planned_vnd", "planned_vnd"),
        ("commune_co", "commune_code"), ("nhom/ma_cong_trinh", "id"), ("_toado_precision", "accuracy_m"),
    ])
    func headersNameWorkFields(_ header: String, _ field: String) {
        #expect(WorkColumns.column(forHeader: header) == .field(field))
    }

    @Test func coordinateAndMetadataHeaders() {
        #expect(WorkColumns.column(forHeader: "Kinh độ") == .lon)
        #expect(WorkColumns.column(forHeader: "Vĩ độ") == .lat)
        #expect(WorkColumns.column(forHeader: "X") == .x)
        #expect(WorkColumns.column(forHeader: "_geo_latitude") == .lat)
        for metadata in ["_id", "_uuid", "start", "end", "_submission_time", "__version__", "meta/instanceID", "STT"] {
            #expect(WorkColumns.column(forHeader: metadata) == .ignored, "\(metadata)")
        }
        #expect(WorkColumns.column(forHeader: "Ghi chú") == nil)
    }

    @Test(arguments: [
        ("category", "Giao thông", "road"), ("category", "ĐIỆN", "electricity"), ("category", "Văn hóa", "culture"),
        ("category", "Trạm y tế", "health"), ("category", "Y tế", "health"), ("category", "Giáo dục", "school"),
        ("category", "Trường học", "school"), ("category", "Thủy lợi", "irrigation"),
        ("category", "Nước sinh hoạt", "water"), ("category", "Khác", "other"), ("status", "Đề xuất", "proposed"),
        ("status", "Đã phê duyệt", "approved"), ("status", "đang thi công", "under_construction"),
        ("status", "Hoàn thành", "completed"), ("status", "Đã bàn giao", "handed_over"),
        ("status", "Đã hủy", "cancelled"), ("surface", "Đất", "earth"), ("surface", "Cấp phối", "gravel"),
        ("surface", "Nhựa", "asphalt"), ("surface", "Bê tông", "concrete"), ("programme", "Chương trình 135", "135"),
        ("category", "Đường sắt", "Đường sắt"),
    ])
    func vocabularyLabelsAreCodes(_ field: String, _ text: String, _ code: String) {
        #expect(VocabularyAliases.code(text, field: field) == code)
    }

    @Test func csvDialects() throws {
        let semicolon = try #require(CSVDialect.detect(Array("a;b;c\n1,5;2;3\n".utf8)))
        #expect(semicolon.0.separator == UInt8(ascii: ";") && semicolon.0.hasDecimalCommas)
        let comma = try #require(CSVDialect.detect(Array("a,b\n\"x;y\",2\n".utf8)))
        #expect(comma.0.isPlain)
        let utf16 = try #require(CSVDialect.detect([0xFF, 0xFE] + Array("a\tb\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })))
        #expect(utf16.0.encoding == .utf16LE && utf16.0.separator == 0x09 && utf16.1 == Array("a\tb\n".utf8))
        #expect(CSVDialect.detect([0xFF, 0xFE, 0x00, 0xD8]) == nil)  // a lone surrogate
    }
}
