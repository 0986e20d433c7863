import AtlasCoverage
import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The unserved villages of one category as an RFC 7946 layer: one Point Feature per village (a
/// village without a location has a null geometry), id = village code, sorted by id. The CLI's
/// `gaps --format geojson` and the map's `GET /api/gaps` both write it.
public enum GapsLayerExport {
    /// The fields of every gaps list, in order: CSV header and GeoJSON properties alike.
    public static let fields = [
        "village_code", "village_name", "commune_code", "commune_name", "households", "poverty_rate",
        "estimated_poor_households", "poor_basis", "distance_m", "note",
    ]

    /// A gap's values: poverty rate with 4 decimals, distance in metres with 1 decimal.
    public static func properties(of gap: VillageGap) -> [(String, JSONValue)] {
        func integer(_ v: Int?) -> JSONValue { v.map { .integer(Int64($0)) } ?? .null }
        let values: [JSONValue] = [
            .string(gap.villageCode), .string(gap.villageName), .string(gap.communeCode), .string(gap.communeName),
            integer(gap.households), gap.povertyRate.map { .double(CommuneMapExport.round($0, 4)) } ?? .null,
            integer(gap.estimatedPoorHouseholds), gap.poorBasis.map { .string($0.rawValue) } ?? .null,
            gap.distanceM.map { .double(CommuneMapExport.round($0, 1)) } ?? .null,
            gap.note.map(JSONValue.string) ?? .null,
        ]
        return Array(zip(fields, values))
    }

    /// Writes the layer; the members say what it is and carry the attribution and notice of the
    /// data, as the other exports do.
    public static func write<Sink: GeoJSONSink>(
        _ report: GapReport, notice: ExportNotice, to writer: inout GeoJSONWriter<Sink>
    ) throws {
        var members: [(String, JSONValue)] = [
            ("name", .string("gaps-\(report.category.rawValue)")), ("category", .string(report.category.rawValue)),
            ("rules_version", .string(report.rules.version)),
            ("statistics_year", report.statsYear.map { .integer(Int64($0)) } ?? .null),
            ("as_of", report.asOf.map { .string($0.description) } ?? .null),
        ]
        if let attribution = notice.attribution { members.append(("attribution", .string(attribution))) }
        if let text = notice.notice { members.append(("notice", .string(text))) }
        try writer.begin(foreignMembers: JSONObject(uniqueKeysWithValues: members))
        for gap in report.gaps.sorted(by: { $0.villageCode < $1.villageCode }) {
            try writer.writeFeature(
                id: gap.villageCode, properties: JSONObject(uniqueKeysWithValues: properties(of: gap)),
                geometry: gap.location.map(Geometry.point))
        }
        try writer.end()
    }

    /// The whole layer in memory (an HTTP answer; a province has a few thousand villages).
    public static func text(
        _ report: GapReport, notice: ExportNotice, options: GeoJSONWriteOptions = .init()
    ) throws
        -> String
    {
        var writer = GeoJSONWriter(sink: GeoJSONMemorySink(), options: options)
        try write(report, notice: notice, to: &writer)
        return writer.sink.text
    }
}
