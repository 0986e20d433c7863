import AtlasExport
import AtlasModel
import AtlasSpatial
import CCairo

/// The map's layers, bottom to top as on the web map: communes, district and province
/// outlines, works (areas, then lines, then points), names.
extension MapRenderer {
    func path(_ canvas: Canvas, polygons: [[[Position]]]) {
        for polygon in polygons {
            for ring in polygon where ring.count > 2 {
                let first = layout.point(ring[0])
                cairo_move_to(canvas.cr, first.x, first.y)
                for p in ring.dropFirst() {
                    let q = layout.point(p)
                    cairo_line_to(canvas.cr, q.x, q.y)
                }
                cairo_close_path(canvas.cr)
            }
        }
    }

    func path(_ canvas: Canvas, line: [Position]) {
        guard let first = line.first else { return }
        let p0 = layout.point(first)
        cairo_move_to(canvas.cr, p0.x, p0.y)
        for p in line.dropFirst() {
            let q = layout.point(p)
            cairo_line_to(canvas.cr, q.x, q.y)
        }
    }

    /// Opaque class colours: on paper there is no base map beneath, and the legend's swatches
    /// are then exactly the fills.
    func drawCommunes(_ canvas: Canvas) {
        let scale = map.indicator.scale
        cairo_set_fill_rule(canvas.cr, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_set_line_join(canvas.cr, CAIRO_LINE_JOIN_ROUND)
        for commune in map.communes {
            path(canvas, polygons: commune.polygons)
            canvas.colour(commune.classIndex.map { scale.palette[$0] } ?? ChoroplethScale.noData)
            cairo_fill_preserve(canvas.cr)
            canvas.colour(ChoroplethScale.outline, alpha: ChoroplethScale.outlineOpacity)
            canvas.line(width: 0.35)
            cairo_stroke(canvas.cr)
        }
    }

    func drawOutlines(_ canvas: Canvas) {
        for district in map.districts { path(canvas, polygons: district) }
        canvas.colour("#2b2b2b", alpha: 0.9)
        canvas.line(width: 1.1)
        cairo_stroke(canvas.cr)
        for province in map.province { path(canvas, polygons: province) }
        canvas.colour("#000000")
        canvas.line(width: 1.8)
        cairo_stroke(canvas.cr)
    }

    /// The web map's symbols (Maps/map.js `workLayer`): filled circles, lines on a casing, areas;
    /// not yet built hollow or dashed.
    func drawWorks(_ canvas: Canvas) {
        let cr = canvas.cr
        let all = map.works.flatMap(\.works)
        for w in all where w.geometry.isPolygonal {
            path(canvas, polygons: w.geometry.polygons)
            canvas.colour(w.category.colour, alpha: 0.6)
            cairo_fill_preserve(cr)
            canvas.colour("#1a1a1a")
            canvas.line(width: 0.6, dash: w.notBuilt ? [2.5, 2] : [])
            cairo_stroke(cr)
        }
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        for w in all where w.geometry.isLineal {
            for line in w.geometry.lines { path(canvas, line: line) }
            canvas.colour(w.category == .road ? "#ffffff" : "#1a1a1a", alpha: w.category == .road ? 0.9 : 0.55)
            canvas.line(width: 2.6)
            cairo_stroke(cr)
            for line in w.geometry.lines { path(canvas, line: line) }
            canvas.colour(w.category.colour)
            canvas.line(width: 1.3, dash: w.notBuilt ? [3, 2] : [])
            cairo_stroke(cr)
        }
        canvas.line(width: 0.5)
        for w in all where w.geometry.isPuntal {
            for p in w.geometry.positions { symbol(canvas, at: layout.point(p), category: w.category, notBuilt: w.notBuilt) }
        }
    }

    /// A point work's circle, also the works legend's swatch.
    func symbol(_ canvas: Canvas, at p: (x: Double, y: Double), category: WorkCategory, notBuilt: Bool) {
        let cr = canvas.cr
        cairo_new_sub_path(cr)
        cairo_arc(cr, p.x, p.y, 2.4, 0, 2 * Double.pi)
        canvas.colour(notBuilt ? "#ffffff" : category.colour)
        cairo_fill_preserve(cr)
        canvas.colour(notBuilt ? category.colour : "#1a1a1a")
        canvas.line(width: notBuilt ? 1.2 : 0.5)
        cairo_stroke(cr)
    }

    /// A commune's name at its centroid when the centroid lies inside and the name fits its
    /// width without touching a name already placed: as large as fits, 4.5 to 6 pt.
    func drawCommuneNames(_ canvas: Canvas) {
        var placed: [Rect] = []
        for commune in map.communes.sorted(by: { area($0) > area($1) }) {
            let shape = PlanarPolygon(polygons: commune.polygons)
            guard let centroid = shape.centroid, shape.locate(centroid) == .inside else { continue }
            var box = BoundingBox.empty
            for polygon in commune.polygons { for p in polygon.first ?? [] { box.extend(p) } }
            let across = (box.maxX - box.minX) * layout.scale, tall = (box.maxY - box.minY) * layout.scale
            canvas.font(6)
            let size = Swift.min(6, 6 * 0.7 * across / Swift.max(canvas.width(commune.label), 1), tall / 2.5)
            guard size >= 4.5 else { continue }
            canvas.font(size)
            let width = canvas.width(commune.label)
            let at = layout.point(centroid)
            let rect = Rect(x: at.x - width / 2 - 1, y: at.y - size, width: width + 2, height: size * 1.4)
            guard !placed.contains(where: { overlaps($0, rect) }) else { continue }
            placed.append(rect)
            canvas.haloText(commune.label, x: at.x, y: at.y + size * 0.35)
        }
    }

    private func area(_ c: PrintMap.Commune) -> Double { abs(PlanarPolygon(polygons: c.polygons).area) }

    private func overlaps(_ a: Rect, _ b: Rect) -> Bool {
        a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }
}
