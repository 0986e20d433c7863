import CCairo
import Foundation

/// The title, the scale bar and the north arrow.
extension MapRenderer {
    /// Vietnamese in capitals, as on a planning map, then the English; each shrunk to fit the width.
    func drawTitle(_ canvas: Canvas) {
        let r = layout.title
        let title = map.indicator.title(year: map.year, baselineYear: map.baselineYear)
        let place = map.provinceName.isEmpty ? "" : " – " + map.provinceName
        let vi = (title.vi + place).uppercased()
        canvas.colour("#1a1a1a")
        canvas.font(15, .bold)
        let size = Swift.min(15, 15 * r.width / Swift.max(canvas.width(vi), 1))
        canvas.font(size, .bold)
        canvas.text(vi, x: r.x, y: r.y + 17)
        canvas.font(10, .italic)
        canvas.colour("#3a3a3a")
        canvas.text(title.en + place, x: r.x, y: r.y + 33)
        canvas.colour("#2b2b2b")
        cairo_move_to(canvas.cr, r.x, r.maxY - 4)
        cairo_line_to(canvas.cr, r.maxX, r.maxY - 4)
        canvas.line(width: 1.2)
        cairo_stroke(canvas.cr)
    }

    /// The bar's length in metres: 1, 2, 2.5 or 5 × 10ⁿ, about a fifth of the frame.
    var scaleBarMetres: Double {
        let target = layout.mapFrame.width * 0.2 / layout.scale
        let power = pow(10, floor(log10(target)))
        return [5, 2.5, 2, 1].map { $0 * power }.first { $0 <= target } ?? power
    }

    /// Metric scale bar in the frame's lower left: four alternating segments on the plane's
    /// metres (VN-2000 / UTM 48N, whose scale error is under 0.05 % across Lạng Sơn), and the
    /// representative fraction.
    func drawScaleBar(_ canvas: Canvas) {
        let cr = canvas.cr
        let metres = scaleBarMetres
        let length = metres * layout.scale
        let frame = layout.mapFrame
        let box = Rect(x: frame.x + 8, y: frame.maxY - 42, width: length + 36, height: 34)
        canvas.box(box)
        let x0 = box.x + 10, y0 = box.y + 14
        for i in 0..<4 {
            cairo_rectangle(cr, x0 + Double(i) * length / 4, y0, length / 4, 4)
            canvas.colour(i % 2 == 0 ? "#1a1a1a" : "#ffffff")
            cairo_fill_preserve(cr)
            canvas.colour("#1a1a1a")
            canvas.line(width: 0.5)
            cairo_stroke(cr)
        }
        let km = metres >= 1000
        func text(_ m: Double) -> String {
            let v = km ? m / 1000 : m
            return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
        }
        canvas.font(6.5)
        canvas.colour("#1a1a1a")
        canvas.text("0", x: x0, y: y0 - 3, align: 0.5)
        canvas.text(text(metres / 2), x: x0 + length / 2, y: y0 - 3, align: 0.5)
        canvas.text(text(metres) + (km ? " km" : " m"), x: x0 + length, y: y0 - 3, align: 0.3)
        canvas.font(6.5)
        canvas.text("Tỷ lệ / Scale 1:" + Self.grouped(layout.scaleDenominator), x: x0, y: y0 + 14)
    }

    /// 1234567 → "1.230.000": three significant figures, Vietnamese thousands separators.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite, value >= 1 else { return "—" }
        let power = pow(10, floor(log10(value)) - 2)
        let digits = String(Int((value / power).rounded() * power))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    /// North arrow in the frame's upper right, tilted by the meridian convergence so it points
    /// to true north, with "B" (Bắc) and "N".
    func drawNorthArrow(_ canvas: Canvas) {
        let cr = canvas.cr
        let frame = layout.mapFrame
        let box = Rect(x: frame.maxX - 38, y: frame.y + 8, width: 30, height: 44)
        canvas.box(box)
        let cx = box.x + box.width / 2, cy = box.y + 26
        cairo_save(cr)
        cairo_translate(cr, cx, cy)
        cairo_rotate(cr, map.northAngle)
        for (side, fill) in [(-1.0, "#1a1a1a"), (1.0, "#ffffff")] {
            cairo_move_to(cr, 0, -13)
            cairo_line_to(cr, side * 6, 9)
            cairo_line_to(cr, 0, 4)
            cairo_close_path(cr)
            canvas.colour(fill)
            cairo_fill_preserve(cr)
            canvas.colour("#1a1a1a")
            canvas.line(width: 0.6)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
        canvas.font(7.5, .bold)
        canvas.colour("#1a1a1a")
        canvas.text("B / N", x: cx, y: box.y + 9, align: 0.5)
    }
}
