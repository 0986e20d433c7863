import AtlasModel

/// What a list of villages shows besides coverage: each village's name, its WGS84 location and
/// its own statistics of one year, by village code.
public struct VillageDirectory: Sendable {
    public struct Entry: Sendable {
        public var name: String
        /// WGS84 lon/lat; nil for a village without a location.
        public var location: Position?
        /// The village's own figures of the year asked for, when recorded.
        public var stats: YearStats?

        public init(name: String, location: Position?, stats: YearStats?) {
            self.name = name
            self.location = location
            self.stats = stats
        }
    }

    public var villages: [String: Entry]

    public init(villages: [String: Entry]) { self.villages = villages }
}
