import Hummingbird

/// The request context: the caller's identity (nil = anonymous viewer) and a 1 MiB body cap.
public struct AtlasRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
    }

    public var maxUploadSize: Int { 1 << 20 }
}
