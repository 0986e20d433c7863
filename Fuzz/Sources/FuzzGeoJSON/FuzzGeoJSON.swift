import AtlasGeoJSON

/// GeoJSON reader and strict JSON parser on raw bytes: thrown errors are expected; a crash,
/// trap, hang or ASan report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? GeoJSONReader().read(bytes)
    _ = try? GeoJSONReader(options: GeoJSONReadOptions(acceptsAnyCRS: true)).readTextSequence(bytes) { _ in }
    _ = try? StrictJSONParser().parse(bytes)
    return 0
}
