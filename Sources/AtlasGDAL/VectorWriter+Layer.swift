import AtlasModel
import CGDAL

/// One layer being written: its fields as the driver can hold them, and its features.
public final class OutputLayer {
    public let spec: LayerSpec
    /// The name each field got in the file (Shapefile names are at most 10 bytes), in order.
    public let writtenNames: [String]
    private unowned let writer: VectorWriter
    private var layer: OGRLayerH?
    private var srs: OGRSpatialReferenceH?
    /// How each field is stored, after falling back to what the driver supports.
    private var stored: [FieldKind] = []

    init(writer: VectorWriter, spec: LayerSpec) throws {
        self.writer = writer
        self.spec = spec
        writtenNames = FieldNames.shortened(spec.fields.map(\.name), to: writer.driver.maxFieldNameLength)
        if let srid = spec.srid {
            srs = OSRNewSpatialReference(nil)
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
            try writer.check("EPSG:\(srid)") { OSRImportFromEPSG(srs, Int32(srid)) }
        }
        layer = try writer.call("create layer \(spec.name)") {
            withStringList(spec.options) {
                GDALDatasetCreateLayer(writer.dataset, spec.name, srs, spec.geometry.ogrType, $0)
            }
        }
        guard layer != nil else {
            throw GDALError(operation: "create layer \(spec.name)", path: writer.destination, messages: [])
        }
        let support = DriverSupport(writer.driver)
        for (field, name) in zip(spec.fields, writtenNames) {
            let kind = support.storable(field.kind)
            stored.append(kind)
            let definition = OGR_Fld_Create(name, kind.ogrType)
            defer { OGR_Fld_Destroy(definition) }
            if kind == .boolean, support.hasBooleans { OGR_Fld_SetSubType(definition, OFSTBoolean) }
            if writer.driver.sizesStrings, kind == .string {
                OGR_Fld_SetWidth(definition, Int32(min(254, max(1, field.width ?? 80))))
            }
            try writer.check("create field \(name) in \(spec.name)") { OGR_L_CreateField(layer, definition, 1) }
        }
        if !spec.metadata.isEmpty {
            try writer.call("set metadata of \(spec.name)") {
                withStringList(spec.metadata) { GDALSetMetadata(layer, $0, nil) }
            }
        }
    }

    /// Writes one feature; `values` in the order of the spec's fields.
    public func add(_ values: [FieldValue], geometry: Geometry?) throws {
        precondition(values.count == stored.count, "\(spec.name): \(values.count) values for \(stored.count) fields")
        guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else {
            throw GDALError(operation: "create feature in \(spec.name)", path: writer.destination, messages: [])
        }
        defer { OGR_F_Destroy(feature) }
        for (index, value) in values.enumerated() { set(value, at: Int32(index), as: stored[index], in: feature) }
        if let geometry, spec.geometry != .none {
            var ogr: OGRGeometryH? = nil
            let wkb = WKB.encode(geometry)
            try writer.check("read geometry of a \(spec.name) feature") {
                OGR_G_CreateFromWkb(wkb, srs, &ogr, Int32(wkb.count))
            }
            // The feature owns the geometry from here.
            OGR_F_SetGeometryDirectly(feature, ogr)
        }
        try writer.check("write a \(spec.name) feature") { OGR_L_CreateFeature(layer, feature) }
    }

    private func set(_ value: FieldValue, at i: Int32, as kind: FieldKind, in feature: OGRFeatureH) {
        switch value {
        case .null: OGR_F_SetFieldNull(feature, i)
        case .string(let s): OGR_F_SetFieldString(feature, i, s)
        case .integer(let n):
            if kind == .string { OGR_F_SetFieldString(feature, i, String(n)) } else { OGR_F_SetFieldInteger64(feature, i, n) }
        case .real(let x): OGR_F_SetFieldDouble(feature, i, x)
        case .boolean(let b): OGR_F_SetFieldInteger(feature, i, b ? 1 : 0)
        case .date(let d):
            if kind == .string {
                OGR_F_SetFieldString(feature, i, d.description)
            } else {
                OGR_F_SetFieldDateTime(feature, i, Int32(d.year), Int32(d.month), Int32(d.day), 0, 0, 0, 0)
            }
        case .dateTime(let d, let hour, let minute, let second):
            // TZ flag 100: UTC.
            OGR_F_SetFieldDateTimeEx(
                feature, i, Int32(d.year), Int32(d.month), Int32(d.day), Int32(hour), Int32(minute), Float(second), 100)
        }
    }

    /// The layer handle dies with the dataset; the CRS is reference-counted, released in deinit.
    func release() { layer = nil }

    deinit {
        if let srs { OSRRelease(srs) }
    }
}

/// Which field types a driver creates, from its own metadata.
struct DriverSupport {
    let types: Set<String>
    let subtypes: Set<String>
    /// GDAL's CSV writes a Date as YYYY/MM/DD; ISO 8601 text is what every reader (and the import) takes.
    let isoDatesAsText: Bool

    init(_ driver: VectorDriver) {
        isoDatesAsText = driver == .csv
        let handle = GDALGetDriverByName(driver.rawValue)
        func list(_ key: String) -> Set<String> {
            guard let raw = GDALGetMetadataItem(handle, key, nil) else { return [] }
            return Set(String(cString: raw).split(separator: " ").map(String.init))
        }
        types = list(GDAL_DMD_CREATIONFIELDDATATYPES)
        subtypes = list(GDAL_DMD_CREATIONFIELDDATASUBTYPES)
    }

    /// Whether a boolean is an integer with the Boolean subtype, or a plain 0/1 integer.
    var hasBooleans: Bool { subtypes.contains("Boolean") }

    /// The kind itself, or what keeps its value exactly: Integer64 falls back to text, never to
    /// a float (đồng amounts), dates to ISO text.
    func storable(_ kind: FieldKind) -> FieldKind {
        switch kind {
        case .integer64: types.contains("Integer64") ? kind : .string
        case .date: types.contains("Date") && !isoDatesAsText ? kind : .string
        case .dateTime: types.contains("DateTime") ? kind : .string
        case .boolean, .string, .real: kind
        }
    }
}

extension FieldKind {
    var ogrType: OGRFieldType {
        switch self {
        case .string: OFTString
        case .integer64: OFTInteger64
        case .real: OFTReal
        case .date: OFTDate
        case .dateTime: OFTDateTime
        case .boolean: OFTInteger
        }
    }
}

extension LayerGeometry {
    var ogrType: OGRwkbGeometryType {
        switch self {
        case .none: wkbNone
        case .unknown: wkbUnknown
        case .point: wkbPoint
        case .lineString: wkbLineString
        case .polygon: wkbPolygon
        case .multiPoint: wkbMultiPoint
        case .multiLineString: wkbMultiLineString
        case .multiPolygon: wkbMultiPolygon
        }
    }
}
