import AtlasStore
import Hummingbird
import Logging
import NIOCore

/// Where the server listens and what it serves.
public struct ServerArguments: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var options: ServerOptions

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String, options: ServerOptions = ServerOptions()
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.options = options
    }
}

/// The application: the router over the database file, listening on host:port.
/// `onServerRunning` gets the port actually bound (useful with port 0).
public func buildApplication(
    _ arguments: ServerArguments, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "worksatlas")
    if logger.logLevel > .info { logger.logLevel = .info }
    let database = try AppDatabase(path: arguments.databasePath)
    return Application(
        router: buildRouter(database: database, options: arguments.options),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    RequestDeadlineHandler(limit: .seconds(Int64(arguments.options.requestTimeout)))
                ],
                idleTimeout: .seconds(Int64(arguments.options.requestTimeout)))),
        configuration: .init(
            address: .hostname(arguments.host, port: arguments.port), serverName: "WorksAtlas",
            availableConnectionsDelegate: .maximum(ConnectionLimits.maximumConnections, logger: logger)),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? arguments.port
            arguments.options.listeningOrigin.set(host: arguments.host, port: port)
            await onServerRunning(port)
        },
        logger: logger)
}

/// What one client may hold of the server. A provincial office has tens of officers, so 128
/// connections is generous; beyond it new connections wait in the backlog instead of starving
/// SQLite's readers.
enum ConnectionLimits {
    static let maximumConnections = 128
}

/// The routes: errors mapped to problem+json in one place (outermost), the map page's and
/// Leaflet's allow-listed files (the sign-in page among them), `/ogc` (OGC API – Features,
/// public), `POST /login` and `/logout`, and `/api` (bearer tokens, or a session with its CSRF token).
public func buildRouter(database: any AtlasDataStore, options: ServerOptions) -> Router<AtlasRequestContext> {
    let environment = ServerEnvironment(database: database, options: options)
    let router = Router(context: AtlasRequestContext.self, options: .autoGenerateHeadEndpoints)
    let routes = RouteTable()
    router.add(middleware: ProblemMiddleware(routes: routes))
    router.add(middleware: RequestBodyMiddleware(routes: routes))
    let pages = PageFiles(mapsDirectory: options.mapsDirectory, leafletDirectory: options.leafletDirectory)
    router.add(middleware: PageFilesMiddleware(files: pages, options: options))
    SiteController(environment: environment).addRoutes(to: router.group())
    let ogc = router.group("ogc")
    OGCController(environment: environment).addRoutes(to: ogc)
    ItemsController(environment: environment).addRoutes(to: ogc)
    let sessionAuth = SessionAuthMiddleware(
        database: database, settings: options.sessions, secureCookie: options.isBehindTLS)
    let sessions = SessionController(environment: environment, pages: pages)
    router.post("login", use: sessions.login)
    var signingOut = sessionAuth
    signingOut.endedSessionIsAnonymous = true
    router.group().add(middleware: signingOut).post("logout", use: sessions.logout)
    let api = router.group("api").add(middleware: BearerAuthMiddleware(database: database))
        .add(middleware: sessionAuth).add(middleware: CSRFMiddleware(options: options))
    api.get("me", use: SiteController(environment: environment).me)
    WorksController(environment: environment).addRoutes(to: api)
    // The officers' form: where a geometry would lie, before saving.
    PlacementController(environment: environment).addRoutes(to: api)
    AuditController(environment: environment).addRoutes(to: api)
    UnitsController(environment: environment).addRoutes(to: api)
    GapsController(environment: environment).addRoutes(to: api)
    // Officers' pages: upload a works file, manage users.
    ImportsController(environment: environment).addRoutes(to: api)
    AdminUsersController(environment: environment).addRoutes(to: api)
    routes.fill(from: router.routes.map { ($0.path.description, $0.method) })
    return router
}
