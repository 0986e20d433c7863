import CCairo
import Foundation

/// A cairo context with the few drawing verbs the map uses, in points (y down). Text goes
/// through cairo's toy text API with a fontconfig face: DejaVu Sans (fonts-dejavu-core) has every
/// precomposed Vietnamese letter, and text is made NFC first so "ạ", "ơ", "ễ" are one glyph each.
struct Canvas {
    let cr: OpaquePointer
    static let fontFamily = "DejaVu Sans"

    enum Weight { case regular, bold, italic }

    func colour(_ hex: String, alpha: Double = 1) {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        cairo_set_source_rgba(
            cr, Double(v >> 16 & 255) / 255, Double(v >> 8 & 255) / 255, Double(v & 255) / 255, alpha)
    }

    func font(_ size: Double, _ weight: Weight = .regular) {
        cairo_select_font_face(
            cr, Self.fontFamily, weight == .italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
            weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// Width of `text` in the current font, in points.
    func width(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text.precomposedStringWithCanonicalMapping, &extents)
        return extents.x_advance
    }

    /// `text` with its baseline starting at (x, y); `align` 0 left, 0.5 centred, 1 right.
    func text(_ text: String, x: Double, y: Double, align: Double = 0) {
        cairo_move_to(cr, x - width(text) * align, y)
        cairo_show_text(cr, text.precomposedStringWithCanonicalMapping)
    }

    /// Text with a white halo, readable over any fill (commune names). The halo is the glyphs'
    /// outline stroked; the letters are real text, so a PDF reader finds and copies them.
    func haloText(_ text: String, x: Double, y: Double, align: Double = 0.5) {
        let nfc = text.precomposedStringWithCanonicalMapping
        let left = x - width(nfc) * align
        cairo_move_to(cr, left, y)
        cairo_text_path(cr, nfc)
        colour("#ffffff", alpha: 0.85)
        cairo_set_line_width(cr, 1.6)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_stroke(cr)
        colour("#1a1a1a")
        cairo_move_to(cr, left, y)
        cairo_show_text(cr, nfc)
    }

    /// `text` broken at spaces into lines no wider than `maxWidth` in the current font.
    func wrap(_ text: String, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if width(candidate) <= maxWidth || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    func rectangle(_ r: Rect) { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }

    /// A boxed panel: white, thin grey frame.
    func box(_ r: Rect) {
        rectangle(r)
        colour("#ffffff")
        cairo_fill_preserve(cr)
        colour("#6f6f6f")
        cairo_set_line_width(cr, 0.6)
        cairo_stroke(cr)
    }

    func line(width: Double, dash: [Double] = []) {
        cairo_set_line_width(cr, width)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(dash.count), 0) }
    }
}

/// A rectangle on the page, in points from the top left.
struct Rect {
    var x, y, width, height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func inset(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}
