import CGDAL

/// A layer's coordinate reference system, named by its EPSG code when GDAL can tell it.
public struct VectorCRS: Sendable, CustomStringConvertible {
    /// nil when neither the file's authority code, GDAL's matching nor the candidates name it.
    public let epsg: Int32?
    /// The CRS's own name ("VN-2000 / TM-3 zone 107-45" or whatever the `.prj` says).
    public let name: String

    public var description: String { epsg.map { "EPSG:\($0) (\(name))" } ?? "\"\(name)\" (no EPSG code)" }

    /// The code stated in the file, else GDAL's best match, else the first of `candidates`
    /// (the codes the project accepts) that describes the same CRS: an ESRI `.prj` rarely
    /// carries its code, and VN-2000's TM-3 zones are often written without one.
    init(identifying srs: OGRSpatialReferenceH, candidates: [Int32]) {
        name = OSRGetName(srs).map { String(cString: $0) } ?? "unnamed"
        epsg = Self.statedCode(srs) ?? Self.matchedCode(srs) ?? Self.sameAs(srs, candidates)
    }

    private static func statedCode(_ srs: OGRSpatialReferenceH) -> Int32? {
        guard let clone = OSRClone(srs) else { return nil }
        defer { OSRDestroySpatialReference(clone) }
        _ = OSRAutoIdentifyEPSG(clone)
        return epsgCode(clone)
    }

    private static func matchedCode(_ srs: OGRSpatialReferenceH) -> Int32? {
        var count: Int32 = 0
        var confidences: UnsafeMutablePointer<Int32>?
        guard let matches = OSRFindMatches(srs, nil, &count, &confidences) else { return nil }
        defer {
            OSRFreeSRSArray(matches)
            VSIFree(confidences)
        }
        for i in 0..<Int(count) where (confidences?[i] ?? 0) >= 90 {
            if let match = matches[i], let code = epsgCode(match) { return code }
        }
        return nil
    }

    private static func sameAs(_ srs: OGRSpatialReferenceH, _ candidates: [Int32]) -> Int32? {
        for code in candidates {
            guard let candidate = OSRNewSpatialReference(nil) else { continue }
            defer { OSRDestroySpatialReference(candidate) }
            guard OSRImportFromEPSG(candidate, code) == OGRERR_NONE else { continue }
            if OSRIsSame(srs, candidate) != 0 { return code }
        }
        return nil
    }

    private static func epsgCode(_ srs: OGRSpatialReferenceH) -> Int32? {
        guard let authority = OSRGetAuthorityName(srs, nil), String(cString: authority) == "EPSG",
            let code = OSRGetAuthorityCode(srs, nil)
        else { return nil }
        return Int32(String(cString: code))
    }
}
