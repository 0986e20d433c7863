import AtlasStore

/// What every exported file says about its data: the attributions and notices of the sources
/// imported (joined as the GeoJSON export's `attribution` and `notice` members are).
public struct ExportNotice: Sendable {
    public var title: String
    public var attribution: String?
    public var notice: String?
    /// The sources' attributions and notices one by one, for a page that lists them.
    public var attributions: [String] = []
    public var notices: [String] = []

    public init(title: String, database: any AtlasDataStore) throws {
        let provenance = try database.provenance()
        self.title = title
        attributions = provenance.attributions
        notices = provenance.notices
        attribution = provenance.attributions.isEmpty ? nil : provenance.attributions.joined(separator: "; ")
        notice = provenance.notices.isEmpty ? nil : provenance.notices.joined(separator: " | ")
    }

    /// One paragraph, for a layer's or a document's description.
    public var paragraph: String {
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
