@testable import AtlasImport

/// CSV table parsing, the column check and every cell lookup, as the villages import does them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let table = try? CSVTable(bytes: bytes) else { return 0 }
    var log = ProblemLog(file: "fuzz.csv")
    table.checkColumns(
        required: ["code", "commune_code", "name"], optional: ["lon", "lat", "households"], log: &log)
    // Named columns, plus indices past the header, so short and long rows are both exercised.
    var columns = table.header.map { table.column($0) }
    columns += [nil, table.header.count, table.header.count + 1]
    for record in table.records {
        for column in columns { _ = table.value(record, column) }
    }
    _ = log.isEmpty
    return 0
}
