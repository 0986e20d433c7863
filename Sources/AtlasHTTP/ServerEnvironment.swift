import AtlasModel
import AtlasStore
import Synchronization

/// Settings of the server besides address and database.
public struct ServerOptions: Sendable {
    /// Folder of the map page (index.html, app.js, style.css…).
    public var mapsDirectory: String
    /// Folder of Debian's libjs-leaflet (leaflet.js, leaflet.css, images/).
    public var leafletDirectory: String
    /// Background tile URL template for the map; nil keeps the page offline.
    public var tileURL: String?
    /// The URL clients reach the server by (behind a proxy); nil: the listening address.
    public var publicURL: String?
    /// Set once the server listens.
    public let listeningOrigin = ListeningOrigin()
    /// Coverage rules used for the commune layer.
    public var rules: CoverageRules
    /// Seconds a request (head and body) may take to arrive, and a connection may sit idle.
    public var requestTimeout: Int
    /// Sign-in sessions: idle and absolute expiry, and the clock they are judged by.
    public var sessions: SessionSettings

    public init(
        mapsDirectory: String = "Maps", leafletDirectory: String = "/usr/share/javascript/leaflet",
        tileURL: String? = nil, publicURL: String? = nil, rules: CoverageRules = .standard, requestTimeout: Int = 30,
        sessions: SessionSettings = SessionSettings()
    ) {
        self.requestTimeout = requestTimeout
        self.sessions = sessions
        self.mapsDirectory = mapsDirectory
        self.leafletDirectory = leafletDirectory
        self.tileURL = tileURL
        self.publicURL = publicURL
        self.rules = rules
    }

    /// Clients reach the server over TLS (it speaks plain HTTP itself, so only behind a proxy
    /// whose --public-url is https): the session cookie is then marked `Secure`.
    var isBehindTLS: Bool { publicURL?.lowercased().hasPrefix("https://") == true }
}

/// What every controller shares: the store, the options and the derived-layer cache.
struct ServerEnvironment: Sendable {
    let database: any AtlasDataStore
    let options: ServerOptions
    let layers: LayerCache
    let workRecords = FeatureRecordCache()
    let throttle = SignInThrottle()

    init(database: any AtlasDataStore, options: ServerOptions) {
        self.database = database
        self.options = options
        layers = LayerCache(database: database, rules: options.rules)
    }
}

/// The `http://host:port` the server is bound to, known only once it listens (port 0 picks one).
public final class ListeningOrigin: Sendable {
    private let value = Mutex<String?>(nil)

    public init() {}

    public var url: String? { value.withLock { $0 } }

    func set(host: String, port: Int) {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        value.withLock { $0 = "http://\(bracketed):\(port)" }
    }
}
