import AtlasModel

/// Works' feature records, kept while the database's change stamp stays the same (every write is
/// audited or recorded as an import, so the stamp moves with any change a record shows), per
/// units date (a work's commune follows the units). A bbox page repeats the same works, and
/// fetching them was most of its time: perf on the Lạng Sơn page of 100 works put SQLite's
/// virtual machine and B-tree first. At most `capacity` records; a full cache starts over.
actor FeatureRecordCache {
    struct Key: Hashable {
        let units: CalendarDate?
        let id: String
    }

    private var stamp = ""
    private var records: [Key: FeatureRecord] = [:]
    private let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// The records of `ids` in their order (ids `fetch` does not return are left out), fetching
    /// only those not kept for `stamp`.
    func records(
        _ ids: [String], units: CalendarDate?, stamp: String,
        fetch: @Sendable ([String]) async throws -> [FeatureRecord]
    ) async throws -> [FeatureRecord] {
        if stamp != self.stamp {
            records = [:]
            self.stamp = stamp
        }
        var found: [String: FeatureRecord] = [:]
        var missing: [String] = []
        for id in ids {
            if let record = records[Key(units: units, id: id)] { found[id] = record } else { missing.append(id) }
        }
        if !missing.isEmpty {
            let fetched = try await fetch(missing)
            for record in fetched { found[record.id] = record }
            // Another request may have seen a newer stamp meanwhile: keep nothing fetched for an old one.
            if self.stamp == stamp {
                if records.count + fetched.count > capacity { records = [:] }
                for record in fetched { records[Key(units: units, id: record.id)] = record }
            }
        }
        return ids.compactMap { found[$0] }
    }
}
