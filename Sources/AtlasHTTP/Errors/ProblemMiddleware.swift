import AtlasImport
import AtlasModel
import AtlasStore
import Hummingbird
import Logging
import NIOCore

/// Maps every error to a problem+json response, in one place. Anything unexpected becomes a 500
/// whose body says nothing about the internals; the full error goes to the log.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error, maxUploadSize: context.maxUploadSize)
            // The router answers 404 for a known path asked with another method: say 405 instead.
            if let http = error as? HTTPError, http.status == .notFound, http.body == nil,
                let allowed = routes.allowedMethods(forPath: request.uri.path)
            {
                let allow = allowed.map(\.rawValue).joined(separator: ", ")
                problem = Problem(
                    .methodNotAllowed, type: "about:blank", title: "Method Not Allowed",
                    detail: "\(request.uri.path.prefix(200)) takes \(allow)", headers: [.allow: allow])
            }
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["atlas.error": "\(String(reflecting: error))"])
            }
            return try problem.response(from: request, context: context)
        }
    }

    static func problem(for error: any Error, maxUploadSize: Int) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let failure as ImportFailure:
            let errors = failure.problems.map(Problem.FieldError.init)
            let count = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
            return .invalidData("the work was not saved: \(count)", errors: errors)
        case let model as ModelError:
            return .invalidData(
                "the work was not saved: \(model.description)",
                errors: [.init(location: "body", field: model.field, value: model.value, reason: model.description)])
        case let exists as WorkExistsError:
            return .conflict("\(exists.description); change it with PATCH /api/works/\(exists.id)")
        case StoreError.notFound(let kind, let id):
            return .notFound("no \(kind) with id \(id)")
        case StoreError.moneyOverflow(let scope):
            return .conflict(StoreError.moneyOverflow(scope: scope).description)
        case StoreError.maintenanceOverflow(let workId):
            return .conflict(StoreError.maintenanceOverflow(workId: workId).description)
        case let timeout as QueryTimeLimitExceeded:
            return Problem(
                .serviceUnavailable, type: Problem.base + "query-time-limit", title: "Query too slow",
                detail: timeout.description, headers: [.retryAfter: "1"])
        case is NIOTooManyBytesError:
            return .tooLarge(limit: maxUploadSize)
        case let http as HTTPError where http.status == .notFound && http.body == nil:
            return .http(
                .notFound, detail: "nothing here: the map is at /, OGC API – Features at /ogc, the works API at /api")
        case let http as HTTPError:
            return .http(http.status, detail: http.body)
        case let http as any HTTPResponseError:
            return .http(http.status)
        default:
            return .internalError
        }
    }
}
