import AtlasModel
import CGDAL

/// One layer of an open `VectorDataset` (a sheet, a Shapefile, a GPX "waypoints"); valid only
/// inside the dataset's `read` call.
public struct VectorLayer {
    let handle: OGRLayerH
    let limits: VectorReadLimits

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The attribute columns, in order.
    public var fieldNames: [String] {
        let definition = OGR_L_GetLayerDefn(handle)
        return (0..<OGR_FD_GetFieldCount(definition)).map {
            String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0)))
        }
    }

    /// Features counted by reading them when the driver cannot say cheaply.
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// The layer's CRS, or nil when the file names none (a workbook, a Shapefile without `.prj`).
    public func crs(candidates: [Int32]) -> VectorCRS? {
        OGR_L_GetSpatialRef(handle).map { VectorCRS(identifying: $0, candidates: candidates) }
    }

    /// Calls `body` with each feature in file order; more features than the limit is an error.
    public func forEachFeature(_ body: (VectorFeature) throws -> Void) throws {
        OGR_L_ResetReading(handle)
        let definition = OGR_L_GetLayerDefn(handle)
        let types = (0..<OGR_FD_GetFieldCount(definition)).map { OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, $0)) }
        var index = 0
        while let feature = OGR_L_GetNextFeature(handle) {
            defer { OGR_F_Destroy(feature) }
            index += 1
            if index > limits.maximumFeatures {
                throw GDALError(
                    operation: "read layer \(name)", path: "",
                    messages: [.failure("more than \(limits.maximumFeatures) features")])
            }
            let values = types.enumerated().map { Self.value(feature, Int32($0.offset), $0.element) }
            var geometry: Geometry?
            var problem: String?
            if let ref = OGR_F_GetGeometryRef(feature) {
                do {
                    geometry = try VectorGeometry.convert(ref, maximumVertices: limits.maximumVertices)
                } catch {
                    problem = error.reason
                }
            }
            try body(
                VectorFeature(
                    index: index, fid: OGR_F_GetFID(feature), values: values, geometry: geometry,
                    geometryProblem: problem))
        }
    }

    private static func value(_ feature: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> VectorValue {
        guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0 else { return .null }
        switch type {
        case OFTInteger, OFTInteger64: return .integer(OGR_F_GetFieldAsInteger64(feature, i))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(feature, i))
        case OFTDate, OFTDateTime:
            var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var s: Float = 0
            guard OGR_F_GetFieldAsDateTimeEx(feature, i, &y, &m, &d, &h, &mi, &s, &tz) != 0 else { return .null }
            return type == OFTDate
                ? .date(year: Int(y), month: Int(m), day: Int(d))
                : .dateTime(
                    year: Int(y), month: Int(m), day: Int(d), hour: Int(h), minute: Int(mi), second: Double(s))
        default: return .string(String(cString: OGR_F_GetFieldAsString(feature, i)))
        }
    }
}

/// One feature (a row): its place in the file, its fields and its geometry.
public struct VectorFeature: Sendable {
    /// 1 for the first feature read.
    public let index: Int
    /// The driver's feature id: a workbook's row number, a Shapefile's record number from 0.
    public let fid: Int64
    /// In the order of `VectorLayer.fieldNames`.
    public let values: [VectorValue]
    public let geometry: Geometry?
    /// Why the geometry could not be read (a curve, too many vertices), when it could not.
    public let geometryProblem: String?
}
