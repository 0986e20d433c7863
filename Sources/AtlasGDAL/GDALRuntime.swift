import CGDAL

/// GDAL's drivers, registered once per process before any dataset is opened or created.
public enum GDALRuntime {
    private static let registered: Void = {
        GDALAllRegister()
        // Messages are collected per call (`GDALMessages`), never printed on stderr.
        CPLSetErrorHandler(CPLQuietErrorHandler)
    }()

    public static func ensureRegistered() { _ = registered }

    /// "3.6.2", for `--version` and the notes of a file written.
    public static var version: String {
        ensureRegistered()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// Whether this GDAL has a driver of that short name (e.g. "XLSX", "FlatGeobuf").
    public static func hasDriver(_ name: String) -> Bool {
        ensureRegistered()
        return GDALGetDriverByName(name) != nil
    }
}
