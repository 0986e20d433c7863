import AtlasModel
import AtlasSpatial
import AtlasStore

/// The points coverage is measured at: every village, plus the centroid of each commune that has
/// no village (standing for all its households, SPEC §2). Flat arrays, indexed by point number.
struct CoveragePoints {
    /// The village code, or the commune code for a centroid.
    var codes: [String] = []
    var locations: [Position?] = []
    var households: [Int?] = []
    var pointsOfCommune: [[Int]]
    var usesCentroid: [Bool]
    var withoutLocation = 0
    private var villageIndex: [String: Int] = [:]

    var count: Int { locations.count }

    init(_ inputs: CoverageInputs) {
        var communeIndex: [String: Int] = [:]
        for (i, c) in inputs.communes.enumerated() { communeIndex[c.code] = i }
        pointsOfCommune = Array(repeating: [], count: inputs.communes.count)
        usesCentroid = Array(repeating: false, count: inputs.communes.count)
        villageIndex.reserveCapacity(inputs.villages.count)
        for village in inputs.villages {
            guard let c = communeIndex[village.communeCode] else { continue }
            villageIndex[village.code] = locations.count
            pointsOfCommune[c].append(locations.count)
            codes.append(village.code)
            locations.append(village.metricLocation)
            households.append(village.households)
            if village.metricLocation == nil { withoutLocation += 1 }
        }
        for (c, commune) in inputs.communes.enumerated() where pointsOfCommune[c].isEmpty {
            usesCentroid[c] = true
            pointsOfCommune[c].append(locations.count)
            codes.append(commune.code)
            locations.append(PlanarPolygon(commune.metricGeometry)?.centroid)
            households.append(commune.statsHouseholds)
        }
    }

    func index(ofVillage code: String) -> Int? { villageIndex[code] }
}
