import AtlasGDAL
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

/// The features of a units file, whatever it was written as, in the GeoJSON reader's shape so
/// one validation serves them all.
public struct UnitFeatures {
    /// Each feature with where the user's tool shows it ("feature 3 (line 12)", "feature 3 (FID 4)").
    var features: [(location: String, feature: GeoJSONFeature)]
    var foreignMembers: JSONObject = [:]
    /// The coordinate system of the geometries: the file's own, else `--srid`.
    var srid: Int32
    var notes: [String] = []
    /// GIS attribute tables often store codes as numbers, losing their leading zeros (06004 → 6004);
    /// then the code's width is restored from the unit's level.
    var codesMayBeNumbers = false

    /// The formats units are read from: GeoJSON as SPEC §5 has it, and the GIS files the
    /// Department of Natural Resources hands out.
    static let formats: [VectorFormat] = [.geojson, .shp, .zip, .gpkg, .fgb, .kml, .kmz]
    public static let formatNames = formats.map(\.rawValue)

    static func read(_ file: URL, format name: String?, srid: Int32) throws -> UnitFeatures {
        let format = try Importer.fileFormat(file, named: name, what: "units", accepted: formats)
        if format == .geojson {
            let document = try readGeoJSON(file, acceptsAnyCRS: srid != SpatialReference.wgs84)
            return UnitFeatures(
                features: document.features.map { ($0.reference, $0) }, foreignMembers: document.foreignMembers, srid: srid)
        }
        do {
            let (units, messages) = try VectorDataset.read(path: file.path, format: format) { dataset in
                try layer(dataset, fallback: srid)
            }
            var noted = units
            noted.notes += messages.map { "GDAL: \($0.text)" }
            return noted
        } catch let error as GDALError {
            let said = error.messages.map(\.text).joined(separator: "; ")
            throw ImportFailure(file: file.path, problems: [.file("\(error.operation) failed: \(said)")])
        }
    }

    /// The first layer with features; its fields named as SPEC §5 names them.
    private static func layer(_ dataset: VectorDataset, fallback: Int32) throws -> UnitFeatures {
        let layer = try OfficeTable.chooseLayer(dataset, named: nil, what: "layer")
        let fields = layer.fieldNames.map { UnitColumns.field(forHeader: $0) ?? $0 }
        var features: [(location: String, feature: GeoJSONFeature)] = []
        try layer.forEachFeature { feature in
            var properties: JSONObject = [:]
            for (field, value) in zip(fields, feature.values) where properties[field] == nil {
                if field == "kind", let text = value.text {
                    properties[field] = .string(UnitColumns.kind(text.trimmedASCIISpaces))
                } else {
                    properties[field] = value.json
                }
            }
            features.append(
                (
                    "feature \(feature.index) (FID \(feature.fid))",
                    GeoJSONFeature(
                        index: feature.index, properties: properties, geometry: feature.geometry,
                        geometryError: feature.geometryProblem)
                ))
        }
        let (srid, note) = try layer.inputSRID(fallback: fallback, file: dataset.path, what: "units")
        return UnitFeatures(
            features: features, srid: srid,
            notes: ["read layer \"\(layer.name)\" (\(features.count) features)", note], codesMayBeNumbers: true)
    }
}

extension VectorValue {
    /// The value as the GeoJSON reader would have given it: whole reals as integers, dates as ISO text.
    var json: JSONValue {
        switch self {
        case .null: .null
        case .string(let text): .string(text.trimmedASCIISpaces)
        case .integer(let n): .integer(n)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? .integer(Int64(d)) : .double(d)
        case .date, .dateTime: text.map(JSONValue.string) ?? .null
        }
    }
}
