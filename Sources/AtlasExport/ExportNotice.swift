import AtlasStore

/// What every exported file says about its data: the attributions and notices of the sources
/// imported (joined as the GeoJSON export's `attribution` and `notice` members are).
struct ExportNotice {
    var title: String
    var attribution: String?
    var notice: String?

    init(title: String, database: any AtlasDataStore) throws {
        let provenance = try database.provenance()
        self.title = title
        attribution = provenance.attributions.isEmpty ? nil : provenance.attributions.joined(separator: "; ")
        notice = provenance.notices.isEmpty ? nil : provenance.notices.joined(separator: " | ")
    }

    /// One paragraph, for a layer's or a document's description.
    var paragraph: String {
        ([title] + [attribution.map { "Attribution: \($0)" }, notice.map { "Notice: \($0)" }].compactMap { $0 })
            .joined(separator: ". ")
    }

    /// The lines of a README: the paragraph's parts, then `extra` (CRS, field names).
    func lines(_ extra: [String] = []) -> [String] {
        var lines = [title]
        if let attribution { lines.append("Attribution: \(attribution)") }
        if let notice { lines.append("Notice: \(notice)") }
        return lines + extra
    }

    var metadata: [String: String] {
        var items = ["TITLE": title]
        if let attribution { items["ATTRIBUTION"] = attribution }
        if let notice { items["NOTICE"] = notice }
        return items
    }
}
