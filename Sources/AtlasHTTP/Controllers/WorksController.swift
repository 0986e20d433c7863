import AtlasExport
import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation
import Hummingbird

/// `/api/works`: officers register works, change them, move them along their life and record
/// their maintenance. Every write is checked as an import is, limited to the editor's unit
/// (before and after the change) and audited in the same transaction. A work is answered as its
/// works-layer Feature with its maintenance events as the `maintenance` member.
struct WorksController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.post("works", use: create)
        routes.patch("works/:id", use: update)
        routes.get("works/:id", use: show)
        routes.post("works/:id/status", use: status)
        routes.post("works/:id/maintenance", use: maintain)
    }

    /// Reading a work is open to anyone, as its OGC item is. `caller_may_edit` says whether the
    /// caller's scope covers it, by the same rule as the writes, so a page offers only the
    /// controls that will be accepted; `funding` holds its funding lines as the import fields
    /// (`planned_<source>_vnd`, …) an edit form sends back.
    @Sendable func show(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        try noQuery(request)
        let id = try workId(context)
        let database = environment.database
        guard let stored = try await database.featureWork(id: id) else {
            throw Problem.notFound("no work with id \(id)")
        }
        var mayEdit = false
        if let identity = context.identity, Set<UserRole>.editors.contains(identity.role) {
            mayEdit = identity.covers(try await blocking { try database.place(ofWork: stored) })
        }
        let funding = WorksLayerExport.fundingFields(stored.work).sorted { $0.key < $1.key }
        return try feature(
            stored, status: .ok,
            members: ["caller_may_edit": .bool(mayEdit), "funding": .object(JSONObject(uniqueKeysWithValues: funding))])
    }

    @Sendable func create(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "register works")
        try noQuery(request)
        let (fields, geometry) = try WorkRequestBody.create(try await body(request, context))
        let database = environment.database
        if let id = fields["id"]?.stringValue, try await database.featureWork(id: id) != nil {
            throw WorkExistsError(id: id)
        }
        let stored = try await blocking {
            let row = try Importer(database: database).validatedWork(fields: fields, geometry: geometry)
            return try database.createWork(
                row, by: identity.actor, recordedOn: .today(),
                authorize: { try identity.requireCovers($0, "register", moving: false) }, render: WorkAuditDocument.text
            )
        }
        await environment.layers.invalidate()
        let location = "/ogc/collections/works/items/\(LinkBuilder.encode(stored.work.id))"
        return try feature(stored, status: .created, headers: [.location: location])
    }

    @Sendable func update(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "change works")
        try noQuery(request)
        let id = try workId(context)
        let (changes, newGeometry) = try WorkRequestBody.update(try await body(request, context), id: id)
        let database = environment.database
        guard let current = try await database.featureWork(id: id) else {
            throw Problem.notFound("no work with id \(id)")
        }
        try identity.requireCovers(
            try await blocking { try database.place(ofWork: current) }, "change", moving: false)
        if changes.isEmpty && newGeometry == nil { return try feature(current, status: .ok) }  // nothing to do
        let fields = WorkRequestBody.apply(changes, to: WorkJSON.fields(of: current))
        let stored = try await blocking {
            let row = try Importer(database: database).validatedWork(
                fields: fields, geometry: newGeometry ?? current.work.geometry)
            return try database.updateWork(
                row, by: identity.actor, recordedOn: .today(),
                authorize: { before, after in
                    try identity.requireCovers(before, "change", moving: false)
                    try identity.requireCovers(after, "change", moving: true)
                }, render: WorkAuditDocument.text)
        }
        await environment.layers.invalidate()
        return try feature(stored, status: .ok)
    }

    @Sendable func status(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "change the status of works")
        try noQuery(request)
        let id = try workId(context)
        let (status, date) = try WorkRequestBody.status(try await body(request, context))
        let database = environment.database
        let stored = try await blocking {
            try database.changeStatus(
                workId: id, to: status, on: date, by: identity.actor,
                authorize: { try identity.requireCovers($0, "change", moving: false) }, render: WorkAuditDocument.text)
        }
        await environment.layers.invalidate()
        return try feature(stored, status: .ok)
    }

    @Sendable func maintain(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "record maintenance of works")
        try noQuery(request)
        let id = try workId(context)
        let event = try MaintenanceRequestBody.event(try await body(request, context))
        let database = environment.database
        let recorded = try await blocking {
            do {
                return try database.recordMaintenance(
                    event, workId: id, by: identity.actor, today: .today(),
                    authorize: { try identity.requireCovers($0, "change", moving: false) },
                    render: WorkAuditDocument.text
                ).event
            } catch let refusal as ModelError {
                throw MaintenanceRequestBody.refusal(refusal)
            }
        }
        await environment.layers.invalidate()
        return .json(
            WorkJSON.maintenance(recorded), status: .created,
            headers: [.location: "/api/works/\(LinkBuilder.encode(id))"])
    }

    // MARK: Helpers

    private func body(_ request: Request, _ context: AtlasRequestContext) async throws -> [UInt8] {
        var request = request
        return Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
    }

    private func noQuery(_ request: Request) throws {
        _ = try QueryParameters(request.uri.query, allowed: [])
    }

    private func workId(_ context: AtlasRequestContext) throws -> String {
        guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding,
            CollectionID.works.isWellFormed(featureId: id)
        else {
            throw Problem.invalidParameter(
                "id", context.parameters.get("id") ?? "", Work.idRule, location: "path")
        }
        return id
    }

    private func feature(
        _ work: StoredWork, status: HTTPResponse.Status, headers: HTTPFields = [:], members: JSONObject = [:]
    ) throws -> Response {
        var headers = headers
        headers[.contentType] = MediaTypes.geoJSON
        var all = WorkJSON.maintenanceMember(work)
        for (key, value) in members.dictionary { all[key] = value }
        let text = try FeatureStream.featureText(WorkJSON.record(work), members: all) + "\n"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
