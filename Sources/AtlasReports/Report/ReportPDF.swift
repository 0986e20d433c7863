import AtlasModel
import CCairo
import Foundation

/// A report as a printable A4 PDF for the committee's meeting: title, the budget envelope and
/// the map on the first page, then every table (headings repeated on each page), the notes and
/// the sources. Drawn with cairo, as the maps are.
public struct ReportPDF {
    public let report: ReportDocument
    public let language: ReportLanguage
    public let map: MapRenderer?

    static let page = (width: 595.0, height: 842.0)
    static let margin = 40.0
    var contentWidth: Double { Self.page.width - 2 * Self.margin }

    public init(report: ReportDocument, language: ReportLanguage, map: MapRenderer?) {
        self.report = report
        self.language = language
        self.map = map
    }

    public func write(to path: String) throws {
        guard let surface = cairo_pdf_surface_create(path, Self.page.width, Self.page.height) else {
            throw MapError.cairo(path: path, status: "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, language.pick(report.title))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, language.pick(report.subtitle))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "WorksAtlas")
        guard let cr = cairo_create(surface) else { throw MapError.cairo(path: path, status: "no context") }
        var pen = Pen(canvas: Canvas(cr: cr), pdf: self)
        pen.firstPage()
        for table in report.tables where table.key != "envelope" || map == nil { pen.table(table) }
        pen.notes()
        pen.finishPage()
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw MapError.cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Where the next line goes; starts a new page when one would not fit.
    struct Pen {
        let canvas: Canvas
        let pdf: ReportPDF
        var y = ReportPDF.margin
        var pageNumber = 1
        var bottom: Double { ReportPDF.page.height - ReportPDF.margin }

        mutating func firstPage() {
            let lang = pdf.language
            canvas.colour("#1a1a1a")
            canvas.font(14, .bold)
            for line in canvas.wrap(lang.pick(pdf.report.title), maxWidth: pdf.contentWidth) { text(line, 18) }
            canvas.font(9.5)
            canvas.colour("#444444")
            text(lang.pick(pdf.report.subtitle), 14)
            y += 6
            if let envelope = pdf.report.tables.first(where: { $0.key == "envelope" }), pdf.map != nil { table(envelope) }
            guard let map = pdf.map else { return }
            // The map sheet, scaled to the rest of the page.
            let area = Rect(x: ReportPDF.margin, y: y + 4, width: pdf.contentWidth, height: bottom - y - 4)
            let sheet = map.pageSize
            let scale = min(area.width / sheet.width, area.height / sheet.height)
            let cr = canvas.cr
            cairo_save(cr)
            cairo_translate(cr, area.x + (area.width - sheet.width * scale) / 2, area.y)
            cairo_scale(cr, scale, scale)
            map.drawSheet(canvas)
            cairo_restore(cr)
            canvas.rectangle(Rect(x: area.x + (area.width - sheet.width * scale) / 2, y: area.y, width: sheet.width * scale, height: sheet.height * scale))
            canvas.colour("#999999")
            canvas.line(width: 0.5)
            cairo_stroke(cr)
            y = bottom
        }

        mutating func text(_ s: String, _ lineHeight: Double, x: Double = ReportPDF.margin, align: Double = 0) {
            canvas.text(s, x: x, y: y + lineHeight * 0.75, align: align)
            y += lineHeight
        }

        mutating func newPage() {
            finishPage()
            pageNumber += 1
            y = ReportPDF.margin
        }

        func finishPage() {
            canvas.font(7)
            canvas.colour("#777777")
            let label = pdf.language.pick(Label("Trang", "Page")) + " \(pageNumber)"
            canvas.text(label, x: ReportPDF.page.width - ReportPDF.margin, y: ReportPDF.page.height - 20, align: 1)
            canvas.text(pdf.language.pick(pdf.report.subtitle), x: ReportPDF.margin, y: ReportPDF.page.height - 20)
            cairo_show_page(canvas.cr)
        }

        /// A table with widths from its longest cells, the font shrunk (down to 5 pt) until it fits.
        mutating func table(_ table: ReportTable) {
            let lang = pdf.language
            let rows = table.rows.map { cells(table, $0) }
            let totals = table.totals.map { cells(table, $0) }
            let headings = table.columns.map { lang.pick($0.heading) }
            var size = 7.5, widths: [Double] = []
            while true {
                canvas.font(size)
                widths = table.columns.indices.map { i in
                    let body = rows.map { canvas.width($0[i]) }.max() ?? 0
                    canvas.font(size, .bold)
                    let total = totals.map { canvas.width($0[i]) } ?? 0
                    let head = headings[i].split(separator: " ").map { canvas.width(String($0)) }.max() ?? 0
                    canvas.font(size)
                    return max(body, total, min(head, 90), 18) + 6
                }
                if widths.reduce(0, +) <= pdf.contentWidth || size <= 5 { break }
                size -= 0.5
            }
            let spare = max(0, pdf.contentWidth - widths.reduce(0, +))
            if let name = table.columns.firstIndex(where: { $0.key == "group_name" || $0.key == "item" || $0.key == "programme" }) {
                widths[name] += spare
            }
            let line = size * 1.45
            // A title and headings never end a page without rows under them.
            if y + 8 * line + 30 > bottom { newPage() }
            canvas.font(10.5, .bold)
            canvas.colour("#1a1a1a")
            y += 6
            text(lang.pick(table.title), 15)
            header(headings, widths, size)
            for (i, row) in rows.enumerated() {
                if y + line > bottom {
                    newPage()
                    header(headings, widths, size)
                }
                if i % 2 == 1 {
                    canvas.colour("#f2f4f6")
                    canvas.rectangle(Rect(x: ReportPDF.margin, y: y, width: pdf.contentWidth, height: line))
                    cairo_fill(canvas.cr)
                }
                draw(row, table, widths, size, line, bold: false)
            }
            if let totals {
                if y + line > bottom { newPage(); header(headings, widths, size) }
                canvas.colour("#333333")
                canvas.rectangle(Rect(x: ReportPDF.margin, y: y, width: pdf.contentWidth, height: 0.6))
                cairo_fill(canvas.cr)
                draw(totals, table, widths, size, line, bold: true)
            }
            y += 8
        }

        func cells(_ table: ReportTable, _ row: [ReportCell]) -> [String] {
            zip(table.columns, row).map { $1.display($0.kind, pdf.language) }
        }

        mutating func header(_ headings: [String], _ widths: [Double], _ size: Double) {
            canvas.font(size, .bold)
            let wrapped = zip(headings, widths).map { canvas.wrap($0, maxWidth: $1 - 4) }
            let lines = Double(wrapped.map(\.count).max() ?? 1)
            let height = lines * size * 1.25 + 4
            canvas.colour("#dde3ea")
            canvas.rectangle(Rect(x: ReportPDF.margin, y: y, width: pdf.contentWidth, height: height))
            cairo_fill(canvas.cr)
            canvas.colour("#1a1a1a")
            var x = ReportPDF.margin
            for (i, w) in widths.enumerated() {
                for (k, part) in wrapped[i].enumerated() {
                    canvas.text(part, x: x + 3, y: y + 2 + size + Double(k) * size * 1.25)
                }
                x += w
            }
            y += height
        }

        mutating func draw(_ row: [String], _ table: ReportTable, _ widths: [Double], _ size: Double, _ line: Double, bold: Bool) {
            canvas.font(size, bold ? .bold : .regular)
            canvas.colour("#1a1a1a")
            var x = ReportPDF.margin
            for (i, cell) in row.enumerated() {
                let numeric = table.columns[i].kind != .text
                canvas.text(cell, x: numeric ? x + widths[i] - 3 : x + 3, y: y + line * 0.72, align: numeric ? 1 : 0)
                x += widths[i]
            }
            y += line
        }

        mutating func notes() {
            let lang = pdf.language
            if y + 60 > bottom { newPage() }
            canvas.font(10.5, .bold)
            canvas.colour("#1a1a1a")
            y += 6
            text(lang.pick(Label("Ghi chú và nguồn số liệu", "Notes and sources")), 15)
            let lines =
                pdf.report.notes.map { (lang.pick($0), false) } + pdf.report.notices.map { ($0, true) }
                + pdf.report.attributions.map { ($0, false) }
            for (note, isNotice) in lines {
                canvas.font(7.5)
                canvas.colour(isNotice ? "#b00020" : "#333333")
                for part in canvas.wrap(note, maxWidth: pdf.contentWidth) {
                    if y + 11 > bottom { newPage() }
                    text(part, 10.5)
                }
            }
        }
    }
}
