import AtlasModel
import AtlasSpatial
import AtlasStore
import Foundation

/// Turns input coordinates (any accepted CRS) into WGS84 and metric geometries, refusing
/// positions outside the province (plus a buffer) and saying when lat/lon look swapped.
/// One instance per thread (its PROJ objects are not shared): see `makeWorkerCopy()`.
final class LocationChecker: @unchecked Sendable {
    /// Positions this close outside the province boundary are still accepted (digitising slack).
    static let bufferMetres = 1000.0

    let inputSRID: Int32
    private let toWGS84: CoordinateTransformer
    private let toMetric: CoordinateTransformer
    /// The province in WGS84 (where GeoJSON edges are straight), scaled to about a metre per unit
    /// so the buffer can be measured; scaling keeps point-in-polygon exact.
    private let province: PlanarPolygon
    private let scaleX: Double
    private let scaleY = 110_574.0

    init(inputSRID: Int32, database: any AtlasDataStore) throws {
        guard SpatialReference.acceptedInput.contains(inputSRID) else {
            throw LocationSetupError.unsupportedSRID(inputSRID)
        }
        self.inputSRID = inputSRID
        toWGS84 = try CoordinateTransformer(from: inputSRID, to: SpatialReference.wgs84)
        toMetric = try CoordinateTransformer(from: SpatialReference.wgs84, to: SpatialReference.metric)
        let provinces = try database.wgs84Units(kind: .province)
        guard !provinces.isEmpty else { throw LocationSetupError.noProvince }
        var box = BoundingBox.empty
        for p in provinces { box.extend(p.geometry.boundingBox) }
        let sx = 111_320.0 * cos((box.minY + box.maxY) / 2 * .pi / 180)
        let sy = scaleY
        scaleX = sx
        province = PlanarPolygon(
            polygons: provinces.flatMap {
                $0.geometry.mapPositions { Position(x: $0.x * sx, y: $0.y * sy) }.polygons
            })
    }

    private init(copying other: LocationChecker) throws {
        inputSRID = other.inputSRID
        toWGS84 = try CoordinateTransformer(from: other.inputSRID, to: SpatialReference.wgs84)
        toMetric = try CoordinateTransformer(from: SpatialReference.wgs84, to: SpatialReference.metric)
        province = other.province
        scaleX = other.scaleX
    }

    /// A checker for another thread: PROJ objects are not shared between threads.
    func makeWorkerCopy() throws -> LocationChecker { try LocationChecker(copying: self) }

    /// The WGS84 and metric forms of `geometry`, or the reason it is refused.
    func locate(_ geometry: Geometry) -> Result<(wgs84: Geometry, metric: Geometry), LocationProblem> {
        let input = geometry.positions
        if SpatialReference.isGeographic(inputSRID) {
            for (i, p) in input.enumerated() {
                if let problem = rangeProblem(p, vertex: i, of: input.count) { return .failure(problem) }
            }
        }
        var wgs = input
        toWGS84.transform(&wgs)
        var metric = wgs
        toMetric.transform(&metric)
        for i in wgs.indices where !isInProvince(wgs[i]) || !(metric[i].x.isFinite && metric[i].y.isFinite) {
            return .failure(outsideProblem(input: input[i], wgs: wgs[i], vertex: i, of: input.count))
        }
        let wgsGeometry = geometry.replacingPositions(with: wgs)
        let metricGeometry = geometry.replacingPositions(with: metric)
        return .success((wgsGeometry, metricGeometry))
    }

    /// Whether a WGS84 position lies in the province or within the buffer of its boundary.
    private func isInProvince(_ p: Position) -> Bool {
        guard p.x.isFinite, p.y.isFinite else { return false }
        let scaled = Position(x: p.x * scaleX, y: p.y * scaleY)
        if province.locate(scaled) != .outside { return true }
        return province.distanceToBoundary(scaled, within: Self.bufferMetres) != nil
    }

    private func vertexLabel(_ i: Int, of n: Int) -> String { n == 1 ? "" : "vertex \(i + 1) of \(n): " }

    private func rangeProblem(_ p: Position, vertex i: Int, of n: Int) -> LocationProblem? {
        let label = vertexLabel(i, of: n)
        if !(p.x.isFinite && p.y.isFinite) {
            return LocationProblem(reason: "\(label)coordinates must be finite numbers")
        }
        // In Vietnam longitude is above 100 and latitude below 24, so a swap always shows.
        if abs(p.y) > 90 || (p.x < 90 && p.y > 100) {
            let swapped = isInProvince(toWGS84.transform(Position(x: p.y, y: p.x)))
            return LocationProblem(
                reason: "\(label)(\(format(p.x)), \(format(p.y))) is not a valid longitude, latitude"
                    + (swapped ? "; latitude and longitude look swapped (longitude comes first)" : ""))
        }
        if abs(p.x) > 180 {
            return LocationProblem(reason: "\(label)longitude \(format(p.x)) is out of range")
        }
        return nil
    }

    private func outsideProblem(input: Position, wgs: Position, vertex i: Int, of n: Int) -> LocationProblem {
        let label = vertexLabel(i, of: n)
        let where_: String
        if wgs.x.isFinite {
            let scaled = Position(x: wgs.x * scaleX, y: wgs.y * scaleY)
            let d =
                province.distanceToBoundary(scaled, within: 2_000_000).map { " about \(Int(($0 / 1000).rounded())) km" }
                ?? ""
            where_ = "lon \(format(wgs.x)), lat \(format(wgs.y)) lies\(d) outside the province boundary"
        } else {
            where_ = "(\(format(input.x)), \(format(input.y))) cannot be transformed from EPSG:\(inputSRID)"
        }
        let swappedInput = Position(x: input.y, y: input.x)
        let hint =
            isInProvince(toWGS84.transform(swappedInput))
            ? (SpatialReference.isGeographic(inputSRID)
                ? "; latitude and longitude look swapped (longitude comes first)"
                : "; X and Y look swapped (give easting first, then northing)")
            : (SpatialReference.isGeographic(inputSRID) ? "" : "; check --srid (input is read as EPSG:\(inputSRID))")
        return LocationProblem(reason: label + where_ + hint)
    }

    private func format(_ v: Double) -> String { String(format: "%.6f", v) }
}

struct LocationProblem: Error, Sendable {
    let reason: String
}

enum LocationSetupError: Error, CustomStringConvertible {
    case unsupportedSRID(Int32)
    case noProvince

    var description: String {
        switch self {
        case .unsupportedSRID(let srid):
            "--srid \(srid) is not accepted; use one of \(SpatialReference.acceptedList)"
        case .noProvince:
            "no province boundary is loaded; import the administrative units first (worksatlas import units FILE)"
        }
    }
}
