import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import GRDB
import Hummingbird
import Testing

@testable import AtlasHTTP
@testable import AtlasStore

/// The store's feature queries: the time cap and the R*Tree-backed filters, below the HTTP layer.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct FeatureQueryTests {
    @Test func queriesPastTheirTimeLimitStopWithAClearError() async throws {
        let world = try TestWorld.make()
        defer { try? FileManager.default.removeItem(at: world.directory) }
        // Given a query that would run for minutes, When it runs with a 50 ms limit, Then it stops
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: QueryTimeLimitExceeded.self) {
            try world.database.dbWriter.read { db in
                try AppDatabase.withTimeLimit(0.05, in: db) {
                    try Int.fetchOne(
                        db,
                        sql:
                            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000) SELECT count(*) FROM c"
                    )
                }
            }
        }
        #expect(clock.now - start < .seconds(5))
        // And the connections are left without the handler: queries run to the end again
        var filter = WorkFeatureFilter()
        filter.bbox = BoundingBox(minX: 106.0, minY: 21.0, maxX: 106.3, maxY: 21.2)
        #expect(try await world.database.workCount(matching: filter) == 22)
        let n = try await world.database.dbWriter.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT count(*) FROM c"
            )
        }
        #expect(n == 200_000)
        // And the HTTP layer answers 503 with Retry-After, not 500
        let problem = ProblemMiddleware<AtlasRequestContext>.problem(
            for: QueryTimeLimitExceeded(seconds: 10), maxUploadSize: 1)
        #expect(problem.status == .serviceUnavailable && problem.headers[.retryAfter] == "1")
    }

    @Test func unknownErrorsBecomeA500ThatSaysNothingInternal() {
        struct Secret: Error, CustomStringConvertible {
            var description: String { "SELECT * FROM user at /tmp/x.sqlite" }
        }
        let problem = ProblemMiddleware<AtlasRequestContext>.problem(for: Secret(), maxUploadSize: 1)
        #expect(problem.status == .internalServerError)
        #expect(!problem.jsonText.contains("SELECT") && !problem.jsonText.contains("/tmp"))
    }
}
