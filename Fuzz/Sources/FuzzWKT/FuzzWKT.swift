import AtlasStore

/// One in-memory database (with SpatiaLite loaded) for the whole run: opening one per input
/// would spend the time in the migrations rather than in the WKT parser.
let database: AppDatabase = {
    do { return try AppDatabase.inMemory() } catch { fatalError("cannot open the in-memory database: \(error)") }
}()

/// SpatiaLite's WKT parser and the SpatiaLite blob decoder behind `geometry(fromWKT:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= 65_536 else { return 0 }  // WKT is short; big inputs only slow the run
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? database.geometry(fromWKT: text)
    return 0
}
