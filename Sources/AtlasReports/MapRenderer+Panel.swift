import AtlasExport
import AtlasModel
import CCairo

/// The panel beside or below the map: the legend with its counts, the works shown, the
/// boundaries, what the map is drawn on, and the sources with their notices.
extension MapRenderer {
    /// A boxed piece of the panel: its height for a width, and how to draw it in a rectangle.
    struct Block {
        var height: (Double) -> Double
        var draw: (Rect) -> Void
    }

    static let rowHeight = 12.5
    static let pad = 6.0

    /// The legend, works and boundaries fill the columns from the left; the sources take the
    /// rest of the last column (in portrait, the columns left free).
    func drawPanel(_ canvas: Canvas) {
        var blocks = [legendBlock(canvas)]
        if !map.works.isEmpty { blocks.append(worksBlock(canvas)) }
        blocks.append(boundariesBlock(canvas))
        let flowing = layout.columns.count > 1 ? Array(layout.columns.dropLast()) : layout.columns
        var column = 0
        var y = flowing[0].y
        for block in blocks {
            var r = flowing[column]
            if y + block.height(r.width) > r.maxY, column + 1 < flowing.count {
                column += 1
                r = flowing[column]
                y = r.y
            }
            let rect = Rect(x: r.x, y: y, width: r.width, height: block.height(r.width))
            canvas.box(rect)
            block.draw(rect)
            y = rect.maxY + MapLayout.gap / 2
        }
        // In portrait the sources span every column the other blocks left empty.
        let last = layout.columns[layout.columns.count - 1]
        let first = layout.columns.count > 1 ? layout.columns[column + 1] : last
        let top = layout.columns.count > 1 ? last.y : y
        let rect = Rect(x: first.x, y: top, width: last.maxX - first.x, height: last.maxY - top)
        canvas.box(rect)
        aboutBlock(canvas).draw(rect)
    }

    /// A heading in Vietnamese (bold) and English (italic) from the top of `r`; returns the y below it.
    @discardableResult
    func heading(_ canvas: Canvas, _ label: Label, in r: Rect, draw: Bool = true) -> Double {
        var y = r.y + Self.pad
        canvas.font(8, .bold)
        for line in canvas.wrap(label.vi, maxWidth: r.width - 2 * Self.pad) {
            y += 9.5
            if draw { canvas.colour("#1a1a1a"); canvas.text(line, x: r.x + Self.pad, y: y) }
        }
        canvas.font(6.5, .italic)
        for line in canvas.wrap(label.en, maxWidth: r.width - 2 * Self.pad) {
            y += 8
            if draw { canvas.colour("#3a3a3a"); canvas.text(line, x: r.x + Self.pad, y: y) }
        }
        return y + 4
    }

    func legendBlock(_ canvas: Canvas) -> Block {
        let scale = map.indicator.scale
        let title = map.indicator.legendTitle(year: map.year, baselineYear: map.baselineYear)
        let labels = scale.labels(increase: "tăng / increase") + ["Không có số liệu / No data"]
        let colours = scale.palette + [ChoroplethScale.noData]
        let counts = map.classCounts
        return Block(
            height: { w in
                heading(canvas, title, in: Rect(x: 0, y: 0, width: w, height: 0), draw: false) + 9
                    + Double(labels.count) * Self.rowHeight + Self.pad
            },
            draw: { r in
                var y = heading(canvas, title, in: r)
                canvas.font(6, .italic)
                canvas.colour("#3a3a3a")
                canvas.text("Số xã / Communes", x: r.maxX - Self.pad, y: y + 3, align: 1)
                y += 9
                for (i, label) in labels.enumerated() {
                    let swatch = Rect(x: r.x + Self.pad, y: y, width: 16, height: 9)
                    canvas.rectangle(swatch)
                    canvas.colour(colours[i])
                    cairo_fill_preserve(canvas.cr)
                    canvas.colour(ChoroplethScale.outline)
                    canvas.line(width: 0.5)
                    cairo_stroke(canvas.cr)
                    canvas.font(7.5)
                    canvas.colour("#1a1a1a")
                    canvas.text(label, x: swatch.maxX + 6, y: y + 7.5)
                    canvas.text(String(counts[i]), x: r.maxX - Self.pad, y: y + 7.5, align: 1)
                    y += Self.rowHeight
                }
            })
    }

    func worksBlock(_ canvas: Canvas) -> Block {
        let title = Label("Công trình", "Works")
        let hint = "Vòng rỗng, nét đứt: chưa xây xong / Hollow, dashed: not built yet"
        func hintLines(_ w: Double) -> [String] {
            canvas.font(6)
            return canvas.wrap(hint, maxWidth: w - 2 * Self.pad)
        }
        return Block(
            height: { w in
                heading(canvas, title, in: Rect(x: 0, y: 0, width: w, height: 0), draw: false)
                    + Double(map.works.count) * Self.rowHeight + Double(hintLines(w).count) * 7.5 + Self.pad
            },
            draw: { r in
                var y = heading(canvas, title, in: r)
                for (category, works) in map.works {
                    swatch(canvas, at: (r.x + Self.pad + 8, y + 4.5), category: category, works: works)
                    canvas.font(7.5)
                    canvas.colour("#1a1a1a")
                    let count = String(works.count)
                    canvas.text(count, x: r.maxX - Self.pad, y: y + 7.5, align: 1)
                    // A long name gets a smaller size rather than running into its count.
                    let label = "\(category.label.vi) / \(category.label.en)"
                    let room = r.maxX - Self.pad - canvas.width(count) - 4 - (r.x + Self.pad + 22)
                    canvas.font(Swift.max(5, Swift.min(7.5, 7.5 * room / Swift.max(canvas.width(label), 1))))
                    canvas.text(label, x: r.x + Self.pad + 22, y: y + 7.5)
                    y += Self.rowHeight
                }
                let lines = hintLines(r.width)
                canvas.colour("#3a3a3a")
                for line in lines {
                    y += 7.5
                    canvas.text(line, x: r.x + Self.pad, y: y)
                }
            })
    }

    /// The legend's sample of a category: a line, an area or a circle, as most of its works are drawn.
    func swatch(_ canvas: Canvas, at p: (x: Double, y: Double), category: WorkCategory, works: [PrintMap.MapWork]) {
        let lines = works.filter(\.geometry.isLineal).count, areas = works.filter(\.geometry.isPolygonal).count
        let points = works.count - lines - areas
        let cr = canvas.cr
        if lines > points, lines >= areas {
            for (colour, width) in [(category == .road ? "#ffffff" : "#1a1a1a", 2.6), (category.colour, 1.3)] {
                cairo_move_to(cr, p.x - 7, p.y)
                cairo_line_to(cr, p.x + 7, p.y)
                canvas.colour(colour, alpha: colour == "#1a1a1a" ? 0.55 : 1)
                canvas.line(width: width)
                cairo_stroke(cr)
            }
        } else if areas > points {
            canvas.rectangle(Rect(x: p.x - 6, y: p.y - 4, width: 12, height: 8))
            canvas.colour(category.colour, alpha: 0.6)
            cairo_fill_preserve(cr)
            canvas.colour("#1a1a1a")
            canvas.line(width: 0.6)
            cairo_stroke(cr)
        } else {
            symbol(canvas, at: p, category: category, notBuilt: false)
        }
    }

    func boundariesBlock(_ canvas: Canvas) -> Block {
        var rows: [(String, Double, String)] = []
        if !map.districts.isEmpty { rows.append(("Ranh giới huyện / District boundary", 1.1, "#2b2b2b")) }
        rows.append(("Ranh giới tỉnh / Province boundary", 1.8, "#000000"))
        rows.append(("Ranh giới xã / Commune boundary", 0.5, ChoroplethScale.outline))
        return Block(
            height: { _ in 2 * Self.pad + Double(rows.count) * Self.rowHeight },
            draw: { r in
                var y = r.y + Self.pad
                for (label, width, colour) in rows {
                    cairo_move_to(canvas.cr, r.x + Self.pad, y + 4.5)
                    cairo_line_to(canvas.cr, r.x + Self.pad + 16, y + 4.5)
                    canvas.colour(colour)
                    canvas.line(width: width)
                    cairo_stroke(canvas.cr)
                    canvas.font(7.5)
                    canvas.colour("#1a1a1a")
                    canvas.text(label, x: r.x + Self.pad + 22, y: y + 7.5)
                    y += Self.rowHeight
                }
            })
    }

    /// What the map is drawn from and on, then the sources' attributions and (in red) notices.
    func aboutBlock(_ canvas: Canvas) -> Block {
        let units = map.unitsDate.map { "đơn vị hành chính ngày \($0) / units of \($0)" }
            ?? "đơn vị hành chính hiện hành / latest units"
        let facts = [
            "Số liệu năm \(map.year) / Statistics of \(map.year); \(units)",
            "Lưới chiếu / Projection: VN-2000 / UTM múi 48N (EPSG:3405)",
            "Ngày lập / Made on: \(map.madeOn) · WorksAtlas",
        ]
        func lines(_ w: Double, size: Double) -> [(String, Canvas.Weight, String)] {
            var out: [(String, Canvas.Weight, String)] = []
            let width = w - 2 * Self.pad
            canvas.font(size)
            for f in facts { out += canvas.wrap(f, maxWidth: width).map { ($0, .regular, "#1a1a1a") } }
            if !map.notice.attributions.isEmpty {
                out.append(("Nguồn / Sources:", .bold, "#1a1a1a"))
                canvas.font(size)
                for a in map.notice.attributions {
                    out += canvas.wrap("• " + a, maxWidth: width).map { ($0, .regular, "#1a1a1a") }
                }
            }
            if !map.notice.notices.isEmpty {
                out.append(("Lưu ý / Notices:", .bold, "#9b1c1c"))
                canvas.font(size, .bold)
                for n in map.notice.notices {
                    out += canvas.wrap("• " + n, maxWidth: width).map { ($0, .bold, "#9b1c1c") }
                }
            }
            return out
        }
        /// The largest of 6.5 … 4 pt at which everything fits `r`.
        func size(for r: Rect) -> Double {
            var size = 6.5
            while size > 4, Double(lines(r.width, size: size).count) * size * 1.3 + 2 * Self.pad > r.height { size -= 0.5 }
            return size
        }
        return Block(
            height: { w in Double(lines(w, size: 6.5).count) * 6.5 * 1.3 + 2 * Self.pad },
            draw: { r in
                let s = size(for: r)
                var y = r.y + Self.pad
                for (text, weight, colour) in lines(r.width, size: s) {
                    y += s * 1.3
                    canvas.font(s, weight)
                    canvas.colour(colour)
                    canvas.text(text, x: r.x + Self.pad, y: y)
                }
            })
    }
}
