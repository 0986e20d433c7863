import AtlasModel
import CCairo

/// Draws a printed map on any cairo surface: PDF, SVG and PNG come from this one drawing.
public struct MapRenderer {
    public let map: PrintMap
    public let paper: MapPaper
    let layout: MapLayout

    public init(map: PrintMap, paper: MapPaper) {
        self.map = map
        self.paper = paper
        layout = MapLayout.best(paper: paper, extent: map.extent)
    }

    /// The sheet's size in points, in the orientation chosen for the province's shape.
    public var pageSize: (width: Double, height: Double) { layout.page }
    public var isLandscape: Bool { layout.landscape }

    /// Where a position of the metric plane lands on the page, in points from the top left.
    public func pagePoint(_ p: Position) -> (x: Double, y: Double) { layout.point(p) }

    /// Draws the whole sheet on `surface`, whose units are `unitsPerPoint` to a point (1 for PDF
    /// and SVG, the pixel density for an image), then ends the page.
    public func draw(on surface: OpaquePointer, unitsPerPoint: Double = 1) {
        guard let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, unitsPerPoint, unitsPerPoint)
        drawSheet(Canvas(cr: cr))
        cairo_show_page(cr)
    }

    /// The sheet on white, in page points from the top left, without ending the page: a report
    /// scales it onto its own first page.
    func drawSheet(_ canvas: Canvas) {
        canvas.colour("#ffffff")
        canvas.rectangle(Rect(x: 0, y: 0, width: pageSize.width, height: pageSize.height))
        cairo_fill(canvas.cr)
        drawMap(canvas)
        drawTitle(canvas)
        drawPanel(canvas)
    }

    /// The map frame: communes, outlines, works and names, clipped to the frame, then the
    /// scale bar and the north arrow in its corners.
    private func drawMap(_ canvas: Canvas) {
        let cr = canvas.cr
        let frame = layout.mapFrame
        cairo_save(cr)
        canvas.rectangle(frame)
        cairo_clip(cr)
        canvas.colour("#f4f6f8")
        cairo_paint(cr)
        drawCommunes(canvas)
        drawOutlines(canvas)
        drawWorks(canvas)
        drawCommuneNames(canvas)
        cairo_restore(cr)
        canvas.rectangle(frame)
        canvas.colour("#2b2b2b")
        canvas.line(width: 0.8)
        cairo_stroke(cr)
        drawScaleBar(canvas)
        drawNorthArrow(canvas)
    }
}
