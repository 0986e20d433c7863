import AtlasModel
import Foundation
import ZIPFoundation

/// A report as an Office Open XML workbook (ECMA-376): one sheet per table with its headings in
/// row 1, frozen, so GIS and spreadsheet readers take them as field names; a bold totals row; counts and đồng as integer
/// cells (format `#,##0`), shares as percentages; and a notes sheet with the rules and sources.
/// GDAL's XLSX driver writes plain tables only (no frozen panes, no styles), hence this writer.
public enum ReportWorkbook {
    static let sheetNames: [String: Label] = [
        "progress": Label("Tiến độ", "Progress"), "status_at_end": Label("Trạng thái cuối kỳ", "Status at end"),
        "funding": Label("Vốn", "Funding"), "programme_source": Label("Chương trình – nguồn", "Programme – source"),
        "envelope": Label("Khung kinh phí", "Budget envelope"), "poverty": Label("Hộ nghèo", "Poverty"),
        "coverage": Label("Độ phủ", "Coverage"), "roads": Label("Đường giao thông", "Roads"),
    ]

    public static func data(_ report: ReportDocument, language: ReportLanguage) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var sheets: [(name: String, xml: String)] = report.tables.map { table in
            (sheetName(table, language), sheetXML(table, language))
        }
        sheets.append((language.pick(Label("Ghi chú", "Notes")), notesXML(report, language)))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)), ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets.map(\.name))), ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.xml)) }
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                // A fixed date (the ZIP epoch) so two reports of the same data are the same bytes.
                modificationDate: Date(timeIntervalSince1970: 315_532_800), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size) })
        }
        guard let data = archive.data else { throw ReportError.period("the workbook could not be assembled") }
        return data
    }

    /// Excel's rules: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ table: ReportTable, _ language: ReportLanguage) -> String {
        let name = sheetNames[table.key].map(language.pick) ?? table.key
        return String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    }

    // Style indexes into `styles`' cellXfs.
    enum Style: Int { case plain = 0, heading, integer, share, points, boldText, boldInteger, boldShare, boldPoints, title }

    static func style(_ kind: ReportColumn.Kind, bold: Bool) -> Style {
        switch kind {
        case .text: bold ? .boldText : .plain
        case .count, .vnd: bold ? .boldInteger : .integer
        case .share: bold ? .boldShare : .share
        case .points: bold ? .boldPoints : .points
        }
    }

    static func sheetXML(_ table: ReportTable, _ language: ReportLanguage) -> String {
        var rows = [row(1, table.columns.enumerated().map { i, c in cell(ref(i, 1), .text(language.pick(c.heading)), .heading) })]
        var r = 2
        for values in table.rows + (table.totals.map { [$0] } ?? []) {
            let bold = table.totals != nil && r == 2 + table.rows.count
            rows.append(row(r, zip(table.columns, values).enumerated().map { i, pair in
                cell(ref(i, r), pair.1, style(pair.0.kind, bold: bold))
            }))
            r += 1
        }
        let widths = table.columns.enumerated().map { i, c in
            let longest = ([language.pick(c.heading)] + table.rows.map { $0[i].plainText }).map(\.count).max() ?? 8
            return "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(max(longest + 2, 8), 48))\" customWidth=\"1\"/>"
        }
        return xmlHeader + "<worksheet xmlns=\"\(mainNS)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<cols>\(widths.joined())</cols><sheetData>\(rows.joined())</sheetData></worksheet>"
    }

    static func notesXML(_ report: ReportDocument, _ language: ReportLanguage) -> String {
        let sheets = report.tables.map { "\(sheetName($0, language)): \(language.pick($0.title))" }
        let lines = [language.pick(report.title), language.pick(report.subtitle), ""] + sheets + [""]
            + report.notes.map(language.pick) + report.notices + [""] + report.attributions
        let rows = lines.enumerated().map { i, text in
            row(i + 1, text.isEmpty ? [] : [cell("A\(i + 1)", .text(text), i == 0 ? .title : .plain)])
        }
        return xmlHeader + "<worksheet xmlns=\"\(mainNS)\"><cols><col min=\"1\" max=\"1\" width=\"120\" customWidth=\"1\"/></cols>"
            + "<sheetData>\(rows.joined())</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [String]) -> String { "<row r=\"\(number)\">\(cells.joined())</row>" }

    static func cell(_ ref: String, _ value: ReportCell, _ style: Style) -> String {
        switch value {
        case .text(let s): "<c r=\"\(ref)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
        case .integer(let n): "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(n)</v></c>"
        // Doubles print with the shortest text that reads back to the same value.
        case .decimal(let x): x.isFinite ? "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(x)</v></c>" : "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
        case .empty: "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
        }
    }

    /// A1-style reference of zero-based column `column` in row `row`.
    static func ref(_ column: Int, _ row: Int) -> String {
        var n = column + 1, letters = ""
        while n > 0 {
            let d = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + d))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// XML 1.0 text: the five entities, and control characters (not allowed in XML) dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(_ sheets: Int) -> String {
        xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + "</Types>"
    }

    static let rootRelationships = xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ names: [String]) -> String {
        xmlHeader + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...sheets).map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Fonts 0 plain, 1 bold, 2 bold 13 pt; number formats 3 `#,##0`, 10 `0.00%`, 2 `0.00`.
    static let styles = xmlHeader + "<styleSheet xmlns=\"\(mainNS)\">"
        + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"13\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"10\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
