import AtlasGeoJSON
import AtlasModel
import Synchronization
import Testing

@testable import AtlasHTTP

/// The works' record cache of the items pages: what it fetches, what it keeps, when it forgets.
@Suite struct FeatureRecordCacheTests {
    /// A fetch that answers every id but "gone", and remembers what it was asked.
    final class Source: Sendable {
        let asked = Mutex<[[String]]>([])
        func fetch(_ ids: [String]) -> [FeatureRecord] {
            asked.withLock { $0.append(ids) }
            return ids.filter { $0 != "gone" }.map { FeatureRecord(id: $0, properties: ["name": .string("v-\($0)")], geometry: nil) }
        }
    }

    @Test func keepsRecordsUntilTheStampChangesAndAnswersInTheOrderAsked() async throws {
        let cache = FeatureRecordCache(capacity: 100)
        let source = Source()
        let first = try await cache.records(["b", "a"], units: nil, stamp: "1/1/1") { source.fetch($0) }
        #expect(first.map(\.id) == ["b", "a"])
        // Only the id not seen yet is fetched; the order is the page's.
        let second = try await cache.records(["a", "c", "b"], units: nil, stamp: "1/1/1") { source.fetch($0) }
        #expect(second.map(\.id) == ["a", "c", "b"])
        #expect(source.asked.withLock { $0 } == [["b", "a"], ["c"]])
        // A write moves the stamp: everything is fetched again.
        _ = try await cache.records(["a"], units: nil, stamp: "1/2/1") { source.fetch($0) }
        #expect(source.asked.withLock { $0.last } == ["a"])
    }

    @Test func keepsUnitsApartAndLeavesOutWhatTheStoreNoLongerHas() async throws {
        let cache = FeatureRecordCache(capacity: 100)
        let source = Source()
        let day = try CalendarDate(iso: "2019-12-31")
        _ = try await cache.records(["a"], units: nil, stamp: "s") { source.fetch($0) }
        _ = try await cache.records(["a"], units: day, stamp: "s") { source.fetch($0) }
        #expect(source.asked.withLock { $0 } == [["a"], ["a"]])
        let page = try await cache.records(["a", "gone"], units: day, stamp: "s") { source.fetch($0) }
        #expect(page.map(\.id) == ["a"])
    }

    @Test func aFullCacheStartsOver() async throws {
        let cache = FeatureRecordCache(capacity: 2)
        let source = Source()
        _ = try await cache.records(["a", "b"], units: nil, stamp: "s") { source.fetch($0) }
        _ = try await cache.records(["c"], units: nil, stamp: "s") { source.fetch($0) }
        _ = try await cache.records(["a"], units: nil, stamp: "s") { source.fetch($0) }
        #expect(source.asked.withLock { $0 } == [["a", "b"], ["c"], ["a"]])
    }
}
