import AtlasModel

/// Where the title, the map and the legend panel go on the sheet, and how metres become points.
/// The orientation is the one that prints the province larger: landscape puts the panel in a
/// column on the right, portrait in a band of three columns below the map.
struct MapLayout {
    static let margin = 24.0
    static let titleHeight = 50.0
    static let gap = 10.0
    static let columnWidth = 200.0
    static let bandHeight = 236.0

    let page: (width: Double, height: Double)
    let landscape: Bool
    let title: Rect
    let mapFrame: Rect
    /// The panel's columns, filled with the legend's blocks from the left.
    let columns: [Rect]
    /// Points per metre of the map plane.
    let scale: Double
    /// The page point of the plane's origin offset: x = originX + scale·(e − minE), y likewise flipped.
    private let extent: BoundingBox
    private let offset: (x: Double, y: Double)

    init(paper: MapPaper, landscape: Bool, extent: BoundingBox) {
        self.landscape = landscape
        page = paper.size(landscape: landscape)
        let m = Self.margin
        title = Rect(x: m, y: m, width: page.width - 2 * m, height: Self.titleHeight)
        let top = title.maxY + Self.gap / 2
        if landscape {
            let panelX = page.width - m - Self.columnWidth
            mapFrame = Rect(x: m, y: top, width: panelX - Self.gap - m, height: page.height - m - top)
            columns = [Rect(x: panelX, y: top, width: Self.columnWidth, height: page.height - m - top)]
        } else {
            let bandY = page.height - m - Self.bandHeight
            mapFrame = Rect(x: m, y: top, width: page.width - 2 * m, height: bandY - Self.gap - top)
            let w = (page.width - 2 * m - 2 * Self.gap) / 3
            columns = (0..<3).map { i in Rect(x: m + Double(i) * (w + Self.gap), y: bandY, width: w, height: Self.bandHeight) }
        }
        // A little room between the province and the frame.
        let padded = extent.expanded(by: 0.03 * Swift.max(extent.maxX - extent.minX, extent.maxY - extent.minY))
        let inner = mapFrame.inset(4)
        let s = Swift.min(inner.width / (padded.maxX - padded.minX), inner.height / (padded.maxY - padded.minY))
        scale = s.isFinite && s > 0 ? s : 1
        self.extent = padded
        offset = (
            inner.x + (inner.width - scale * (padded.maxX - padded.minX)) / 2,
            inner.y + (inner.height - scale * (padded.maxY - padded.minY)) / 2
        )
    }

    /// The layout of `paper` in the orientation that draws `extent` at the larger scale.
    static func best(paper: MapPaper, extent: BoundingBox) -> MapLayout {
        let portrait = MapLayout(paper: paper, landscape: false, extent: extent)
        let landscape = MapLayout(paper: paper, landscape: true, extent: extent)
        return landscape.scale > portrait.scale ? landscape : portrait
    }

    /// The page point of a position of the metric plane (northing up).
    func point(_ p: Position) -> (x: Double, y: Double) {
        (offset.x + scale * (p.x - extent.minX), offset.y + scale * (extent.maxY - p.y))
    }

    /// The representative fraction's denominator: metres on the plane per metre of paper.
    var scaleDenominator: Double { 72 / (scale * 0.0254) }
}
