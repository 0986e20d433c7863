/// The commune a work is assigned to, with the measure that decided it.
public struct CommuneAssignment: Hashable, Sendable {
    /// The commune code, or nil when the work meets no commune (or meets them with measure 0).
    public var code: String?
    /// For lines the length (m) inside each commune met, for polygons the area (m²), for
    /// multipoints the number of points; sorted by code, zeros left out. Empty for a point.
    public var measures: [CommuneMeasure]

    public init(code: String?, measures: [CommuneMeasure] = []) {
        self.code = code
        self.measures = measures
    }
}

/// A measure of one geometry inside one commune (see ``CommuneAssignment/measures``).
public struct CommuneMeasure: Hashable, Sendable {
    public var code: String
    public var value: Double

    public init(code: String, value: Double) {
        self.code = code
        self.value = value
    }
}
