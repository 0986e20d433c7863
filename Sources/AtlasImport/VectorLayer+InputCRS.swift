import AtlasGDAL
import AtlasModel
import AtlasStore

extension VectorLayer {
    /// The coordinate system the layer's geometries are read in: the one the file states (.prj,
    /// GeoPackage SRS), else `fallback` (`--srid`), with a note saying which was used.
    func inputSRID(fallback: Int32, file: String, what: String) throws(ImportFailure) -> (srid: Int32, note: String) {
        let candidates = SpatialReference.acceptedInput
        guard let crs = crs(candidates: candidates) else {
            return (fallback, "the file states no coordinate system: read as EPSG:\(fallback) (--srid)")
        }
        guard let code = crs.epsg, candidates.contains(code) else {
            throw ImportFailure(
                file: file,
                problems: [
                    .file(
                        "the layer's coordinate system is \(crs), which \(what) are not read in; accepted: \(SpatialReference.acceptedList) (reproject it, e.g. ogr2ogr -t_srs EPSG:4326)",
                        value: crs.name)
                ])
        }
        return (
            code,
            "coordinates in \(crs), as the file states"
                + (fallback != SpatialReference.wgs84 && fallback != code ? " (--srid \(fallback) not used)" : "")
        )
    }
}
