import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// Writes the commune map and the works layer as RFC 7946 FeatureCollections, streaming to a
/// file (or stdout for "-"), sorted by id so that two exports of the same data are byte-identical.
public struct GeoJSONExporter {
    let database: any AtlasDataStore
    public var options: GeoJSONWriteOptions

    public init(database: any AtlasDataStore, options: GeoJSONWriteOptions = GeoJSONWriteOptions()) {
        self.database = database
        self.options = options
    }

    /// Writes the commune map; returns the number of features.
    @discardableResult
    public func writeCommunes(_ export: CommuneMapExport, to path: String) throws -> Int {
        let communes = try database.communeSummaries(year: export.year)
        return try write(layer: "communes", to: path) { writer in
            for commune in communes {
                try writer.writeFeature(
                    id: commune.code, properties: JSONObject(uniqueKeysWithValues: export.properties(of: commune)),
                    geometry: commune.geometry.simplestForm)
            }
        }
    }

    /// Writes the works layer; returns the number of features.
    @discardableResult
    public func writeWorks(matching filter: WorkFilter = WorkFilter(), to path: String) throws -> Int {
        let works = try database.works(matching: filter)
        return try write(layer: "works", to: path) { writer in
            for work in works {
                try writer.writeFeature(
                    id: work.work.id,
                    properties: JSONObject(uniqueKeysWithValues: WorksLayerExport.properties(of: work)),
                    geometry: work.work.geometry)
            }
        }
    }

    private func write(
        layer: String, to path: String, body: (inout GeoJSONWriter<GeoJSONFileSink>) throws -> Void
    )
        throws -> Int
    {
        let sink = path == "-" ? GeoJSONFileSink.standardOutput() : try GeoJSONFileSink(path: path)
        var writer = GeoJSONWriter(sink: sink, options: options)
        try writer.begin(foreignMembers: try foreignMembers(layer: layer))
        try body(&writer)
        try writer.end()
        if path != "-" { try sink.close() } else { try sink.flush() }
        return writer.featureCount
    }

    /// Layer name (read by GDAL), attributions and notices of the data used.
    private func foreignMembers(layer: String) throws -> JSONObject {
        let provenance = try database.provenance()
        var members: [(String, JSONValue)] = [("name", .string(layer))]
        if !provenance.attributions.isEmpty {
            members.append(("attribution", .string(provenance.attributions.joined(separator: "; "))))
        }
        if !provenance.notices.isEmpty {
            members.append(("notice", .string(provenance.notices.joined(separator: " | "))))
        }
        return JSONObject(uniqueKeysWithValues: members)
    }
}

extension Geometry {
    /// A one-member MultiPolygon as the Polygon it is (what the source most often had).
    var simplestForm: Geometry {
        if case .multiPolygon(let polygons) = self, polygons.count == 1 { return .polygon(polygons[0]) }
        return self
    }
}
