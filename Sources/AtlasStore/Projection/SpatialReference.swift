/// The coordinate reference systems WorksAtlas accepts as input (SPEC §1 "Coordinates").
public enum SpatialReference {
    public static let wgs84: Int32 = 4326
    /// VN-2000 / UTM zone 48N: the planar metric space of coverage and commune assignment.
    public static let metric: Int32 = 3405

    public static let acceptedInput: [Int32] = [4326, 4756, 3405, 3406] + Array(9205...9218)

    public static var acceptedList: String {
        "4326 (WGS 84), 4756 (VN-2000), 3405/3406 (VN-2000 / UTM 48N/49N), 9205–9218 (VN-2000 / TM-3 zones; Lạng Sơn 9215)"
    }

    public static func isGeographic(_ srid: Int32) -> Bool { srid == 4326 || srid == 4756 }
}
