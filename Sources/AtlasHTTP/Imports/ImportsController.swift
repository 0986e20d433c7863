import AtlasExport
import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation
import Hummingbird

/// `POST /api/imports/works?filename=NAME[&sheet=S][&dry_run=true]`: an officer's works file,
/// as the raw body, read and checked by the same importer as `import works`. A dry run writes
/// nothing and answers what the import would do (or every problem, 422); without it the file is
/// written in one transaction, each work authorized inside the editor's unit before and after,
/// and audited. A work outside the unit refuses the whole file (403, listing each such work).
struct ImportsController: Sendable {
    let environment: ServerEnvironment

    static let maximumSheetName = 100

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.post("imports/works", use: importWorks)
    }

    @Sendable func importWorks(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "import works")
        let query = try QueryParameters(request.uri.query, allowed: ["filename", "sheet", "dry_run"])
        let name = try UploadedFile.checkedName(query["filename"])
        let dryRun = try Self.flag("dry_run", query["dry_run"])
        let sheet = query["sheet"]
        if let sheet, sheet.isEmpty || sheet.count > Self.maximumSheetName {
            throw Problem.invalidParameter(
                "sheet", sheet, "a sheet or layer name of 1 to \(Self.maximumSheetName) characters")
        }
        let bytes = try await UploadedFile.readBody(request)
        guard bytes.readableBytes > 0 else { throw Problem.invalidBody("the file is empty") }
        let database = environment.database
        let answer = try await blocking {
            try UploadedFile.withTemporaryFile(named: name, bytes: bytes) { file in
                let checked = try Self.check(file, sheet: sheet, database: database)
                let plan = try ImportPlan(checked, identity: identity, database: database)
                if !plan.outside.isEmpty {
                    let count = plan.outside.count == 1 ? "1 work lies" : "\(plan.outside.count) works lie"
                    throw Problem(
                        .forbidden, type: Problem.base + "forbidden", title: "Not allowed",
                        detail: "\(name): \(count) outside your unit; nothing was imported", errors: plan.outside)
                }
                if !dryRun {
                    try database.saveWorks(
                        checked.rows, source: checked.source, recordedOn: .today(), by: identity.actor,
                        checks: Self.checks(for: identity))
                }
                return plan.json(
                    file: name, dryRun: dryRun, warnings: checked.warnings.map(file.shown),
                    notes: checked.notes.map(file.shown))
            }
        }
        if !dryRun { await environment.layers.invalidate() }
        return .json(answer, headers: [.cacheControl: "no-store"])
    }

    /// The importer's check of the file; its problems as one 422 naming every bad row.
    static func check(_ file: UploadedFile, sheet: String?, database: any AtlasDataStore) throws -> CheckedWorks {
        do {
            return try Importer(database: database).checkWorks(
                from: file.url, options: WorkFileOptions(sheet: sheet), keepingLocations: true)
        } catch let failure as ImportFailure {
            let errors = failure.problems.map { problem in
                var error = Problem.FieldError(problem)
                error.location = file.shown(error.location)
                error.value = file.shown(error.value)
                error.reason = file.shown(error.reason)
                return error
            }
            let count = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
            throw Problem.invalidData("\(file.name): \(count); nothing was imported", errors: errors)
        }
    }

    /// Inside the transaction: the work stays (and, changed, lies) in the editor's unit.
    static func checks(for identity: Identity) -> WorkBatchChecks {
        WorkBatchChecks(
            authorize: { before, after in
                if let before { try identity.requireCovers(before, "change", moving: false) }
                try identity.requireCovers(after, before == nil ? "register" : "change", moving: before != nil)
            }, render: WorkAuditDocument.text)
    }

    static func flag(_ name: String, _ text: String?) throws -> Bool {
        switch text {
        case nil, "false": false
        case "true": true
        case let other?: throw Problem.invalidParameter(name, other, "expected true or false")
        }
    }
}
