import AtlasModel
import Foundation

/// The store as the rest of WorksAtlas sees it: the queries and writes the importer, the
/// coverage engine, the exports and the server need, and nothing of SQLite. `AppDatabase` (one
/// SQLite + SpatiaLite file) is today's only implementation; a PostgreSQL/PostGIS store for a
/// national deployment would be a second one behind this same seam.
public protocol AtlasDataStore: Sendable {
    // MARK: Units through time
    /// The units every read sees: those in force on this date, or the latest vintage when nil.
    var unitsDate: CalendarDate? { get }
    /// This store with every read on the units in force on `date` (nil: the latest vintage).
    func onUnits(_ date: CalendarDate?) -> Self
    func vintages() throws -> [UnitVintage]
    func unitCodes(inForceOn date: CalendarDate) throws -> Set<String>
    func saveSuccessions(_ successions: [Succession], source: DataSource) throws
    func successions() throws -> [Succession]

    // MARK: Reference data
    func saveUnits(_ rows: [UnitRow], validFrom: CalendarDate?, validTo: CalendarDate?, source: DataSource) throws
    func units(kind: UnitKind) throws -> [UnitSummary]
    func metricUnits(kind: UnitKind) throws -> [(code: String, geometry: Geometry)]
    func wgs84Units(kind: UnitKind) throws -> [(code: String, geometry: Geometry)]
    func saveVillages(_ rows: [VillageRow], source: DataSource) throws
    func villageCommunes() throws -> [String: String]
    func villageDirectory(statsYear: Int?) throws -> VillageDirectory
    func villagesOutsideTheirCommune() throws -> [(village: String, commune: String)]
    func allUnitAndVillageCodes() throws -> Set<String>
    func saveStats(_ rows: [YearStats], source: DataSource) throws
    func allStatistics() throws -> [YearStats]
    func statisticsYears() throws -> [Int]
    func saveClassifications(_ rows: [Classification], source: DataSource) throws
    func allClassifications() throws -> [Classification]
    func provenance() throws -> (attributions: [String], notices: [String])

    // MARK: Geometry the store's engine checks
    func invalidityReasons(_ geometries: [Geometry]) throws -> [Int: String]
    func geometry(fromWKT text: String) throws -> Geometry?

    // MARK: Works
    /// `lap` is called with the name of each step as it ends (for `--timings`).
    func saveWorks(
        _ rows: [WorkRow], source: DataSource, recordedOn: CalendarDate, by actor: AuditActor,
        checks: WorkBatchChecks?, lap: (String) -> Void
    ) throws
    func batchBaseline(
        ids: [String], communeCodes: Set<String>
    ) throws -> (works: [String: StoredWork], places: [String: WorkPlace])
    func existingStatuses(of ids: [String]) throws -> [String: WorkStatus]
    func work(id: String) throws -> StoredWork?
    func works(matching filter: WorkFilter) throws -> [StoredWork]
    func workCount() throws -> Int
    func lastMaintenance(onOrBefore day: CalendarDate) throws -> [String: CalendarDate]
    func communeSummaries(year: Int) throws -> [CommuneSummary]
    func workFacts() throws -> [WorkFacts]
    func roadLengths(builtBy: CalendarDate?) throws -> [String: RoadLengths]
    func coverageInputs(rules: CoverageRules, statsYear: Int?) throws -> CoverageInputs

    // MARK: Audited single-work writes (the API)
    func createWork(
        _ row: WorkRow, by actor: AuditActor, recordedOn: CalendarDate, authorize: (WorkPlace) throws -> Void,
        render: (StoredWork) throws -> String
    ) throws -> StoredWork
    func updateWork(
        _ row: WorkRow, by actor: AuditActor, recordedOn: CalendarDate,
        authorize: (_ before: WorkPlace, _ after: WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> StoredWork
    func changeStatus(
        workId: String, to status: WorkStatus, on date: CalendarDate, by actor: AuditActor,
        authorize: (WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> StoredWork
    func setStatus(
        workId: String, to status: WorkStatus, on date: CalendarDate, by actor: AuditActor,
        render: (StoredWork) throws -> String
    ) throws
    func recordMaintenance(
        _ event: MaintenanceEvent, workId: String, by actor: AuditActor, today: CalendarDate,
        authorize: (WorkPlace) throws -> Void, render: (StoredWork) throws -> String
    ) throws -> (event: RecordedMaintenance, work: StoredWork)
    func place(ofWork work: StoredWork) throws -> WorkPlace
    func auditEntries(
        workId: String?, limit: Int, offset: Int, visible: (@Sendable (WorkPlace) -> Bool)?
    ) throws
        -> [AuditEntry]
    func activeUser(tokenPrefix prefix: String) async throws -> UserRecord?

    // MARK: Users (the admin page)
    func userAccounts() throws -> [UserAccount]
    func addUser(
        name: String, role: UserRole, unitCode: String?, credential: TokenCredential, passwordHash: String?,
        by actor: AuditActor
    ) throws
    func setPassword(name: String, hash: String, by actor: AuditActor) throws
    @discardableResult func endSessions(ofUser name: String, by actor: AuditActor) throws -> Int

    // MARK: Sign-in sessions
    func passwordHash(ofActiveUser name: String) async throws -> String?
    func createSession(
        idHash: String, csrfToken: String, userName: String, address: String?, now: Date, expiresAt: Date,
        idleSince: Date, maximumPerUser: Int
    ) async throws
    func session(idHash: String) async throws -> SessionRecord?
    func touchSession(idHash: String, at now: Date) async throws
    func deleteSession(idHash: String) async throws

    // MARK: Feature queries (OGC API), with a time limit in seconds
    func workIDs(
        matching filter: WorkFeatureFilter, limit: Int, offset: Int, timeLimit: Double
    ) async throws
        -> (ids: [String], total: Int?)
    func workCount(matching filter: WorkFeatureFilter, timeLimit: Double) async throws -> Int
    func featureWorks(ids: [String]) async throws -> [StoredWork]
    func featureWork(id: String) async throws -> StoredWork?
    func completionDateRange() async throws -> (first: String?, last: String?)
    func unitCodes(
        matching filter: UnitFeatureFilter, limit: Int, offset: Int, timeLimit: Double
    ) async throws
        -> [String]
    func unitCount(matching filter: UnitFeatureFilter, timeLimit: Double) async throws -> Int
    func unitFeatures(codes: [String]) async throws -> [UnitFeature]
    func unitExtent(kind: UnitKind) async throws -> BoundingBox?
    func workExtent() async throws -> BoundingBox?
    func changeStamp() async throws -> String
}

/// The defaults callers rely on (a protocol requirement cannot have them).
extension AtlasDataStore {
    public func saveWorks(_ rows: [WorkRow], source: DataSource, recordedOn: CalendarDate) throws {
        try saveWorks(rows, source: source, recordedOn: recordedOn, by: .commandLine, checks: nil, lap: { _ in })
    }

    public func saveWorks(
        _ rows: [WorkRow], source: DataSource, recordedOn: CalendarDate, by actor: AuditActor,
        checks: WorkBatchChecks?
    ) throws {
        try saveWorks(rows, source: source, recordedOn: recordedOn, by: actor, checks: checks, lap: { _ in })
    }

    public func works() throws -> [StoredWork] { try works(matching: WorkFilter()) }

    public func coverageInputs(rules: CoverageRules) throws -> CoverageInputs {
        try coverageInputs(rules: rules, statsYear: nil)
    }

    public func auditEntries(workId: String? = nil, limit: Int = 100, offset: Int = 0) throws -> [AuditEntry] {
        try auditEntries(workId: workId, limit: limit, offset: offset, visible: nil)
    }

    public func workIDs(
        matching filter: WorkFeatureFilter, limit: Int, offset: Int
    ) async throws
        -> (ids: [String], total: Int?)
    {
        try await workIDs(matching: filter, limit: limit, offset: offset, timeLimit: 10)
    }

    public func workCount(matching filter: WorkFeatureFilter) async throws -> Int {
        try await workCount(matching: filter, timeLimit: 10)
    }

    public func unitCodes(matching filter: UnitFeatureFilter, limit: Int, offset: Int) async throws -> [String] {
        try await unitCodes(matching: filter, limit: limit, offset: offset, timeLimit: 10)
    }

    public func unitCount(matching filter: UnitFeatureFilter) async throws -> Int {
        try await unitCount(matching: filter, timeLimit: 10)
    }
}

extension AppDatabase: AtlasDataStore {}
