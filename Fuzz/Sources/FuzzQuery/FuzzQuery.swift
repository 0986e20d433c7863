@testable import AtlasHTTP
import AtlasModel

/// The OGC items endpoint's query decoding: the allow-list of each collection, then every
/// parameter parser the endpoint calls (ItemsController.list/page).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for collection in CollectionID.allCases {
        guard let parameters = try? QueryParameters(query, allowed: collection.itemsParameters) else { continue }
        _ = try? checkFormat(parameters)
        _ = try? parameters.limit()
        _ = try? parameters.offset()
        _ = try? parameters.bbox()
        _ = try? parameters.datetime()
        _ = try? parameters.vocabulary("programme", Programme.self)
        _ = try? parameters.vocabulary("category", WorkCategory.self)
        _ = try? parameters.vocabulary("status", WorkStatus.self)
        _ = try? parameters.code("district")
        _ = try? parameters.integer("year", in: 1900...2100)
    }
    _ = try? QueryParameters(query, allowed: CollectionID.works.itemParameters)
    return 0
}
