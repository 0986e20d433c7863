import AtlasModel
import AtlasSpatial
import AtlasTestSupport
import Foundation
import Testing

@Suite struct CommuneAssignerTests {
    typealias F = Fixtures

    /// "06004" = [100,200]×[0,100] and "06001" = [0,100]×[0,100], listed highest code first,
    /// plus "06010" = [0,200]×[100,200] on top of both.
    let assigner = CommuneAssigner(communes: [
        (code: "06004", polygon: PlanarPolygon(rings: [F.rectangle(100, 0, 200, 100)])),
        (code: "06010", polygon: PlanarPolygon(rings: [F.rectangle(0, 100, 200, 200)])),
        (code: "06001", polygon: PlanarPolygon(rings: [Array(F.rectangle(0, 0, 100, 100).reversed())])),
    ])

    @Test func pointsGoToTheContainingCommune() {
        #expect(assigner.codes == ["06001", "06004", "06010"])
        #expect(assigner.assign(.point(F.p(150, 50))).code == "06004")
        #expect(assigner.assign(.point(F.p(50, 50))).code == "06001")
        #expect(assigner.assign(.point(F.p(250, 50))).code == nil)
    }

    @Test func boundaryPointGoesToTheLowestCode() {
        // Given a point on the edge shared by 06001 and 06004
        // Then it goes to 06001, the lower code
        #expect(assigner.assign(.point(F.p(100, 50))).code == "06001")
        // A point on the edge between 06004 and 06010 goes to 06004
        #expect(assigner.assign(.point(F.p(150, 100))).code == "06004")
        // The vertex (100,100) shared by all three goes to 06001
        #expect(assigner.assign(.point(F.p(100, 100))).code == "06001")
        // The outer boundary counts as inside (closed polygon)
        #expect(assigner.assign(.point(F.p(200, 0))).code == "06004")
    }

    @Test func lineGoesToTheLargestLength() throws {
        // Given a line from (70,50) to (170,50): 30 m in 06001 (x 70–100) and 70 m in 06004
        let result = assigner.assign(.lineString([F.p(70, 50), F.p(170, 50)]))
        // Then it goes to 06004, and the per-commune lengths are 30 and 70
        #expect(result.code == "06004")
        #expect(result.measures.map(\.code) == ["06001", "06004"])
        #expect(abs(result.measures[0].value - 30) < 1e-9)
        #expect(abs(result.measures[1].value - 70) < 1e-9)
    }

    @Test func equalLengthsGoToTheLowestCode() {
        // Given (50,50) → (150,50): 50 m in each of 06001 and 06004
        let result = assigner.assign(.lineString([F.p(50, 50), F.p(150, 50)]))
        #expect(result.code == "06001")
        #expect(
            result.measures == [CommuneMeasure(code: "06001", value: 50), CommuneMeasure(code: "06004", value: 50)])
        // A line along the shared edge x = 100 counts 100 m for both: 06001
        #expect(assigner.assign(.lineString([F.p(100, 0), F.p(100, 100)])).code == "06001")
    }

    @Test func partsOutsideAreIgnoredAndNothingGivesNil() {
        // Given 20 m in 06004 and 80 m outside every commune: 06004 holds the largest length
        let result = assigner.assign(.lineString([F.p(180, 50), F.p(280, 50)]))
        #expect(result.code == "06004")
        #expect(result.measures.count == 1)
        // A line entirely outside, and one only touching a corner, have no commune
        #expect(assigner.assign(.lineString([F.p(300, 0), F.p(400, 0)])).code == nil)
        #expect(assigner.assign(.lineString([F.p(250, 0), F.p(200, -50)])).code == nil)
    }

    @Test func multiLineSumsItsParts() {
        // Given parts of 40 m (06001) + 40 m (06001) and 60 m (06004)
        let lines = [[F.p(10, 10), F.p(50, 10)], [F.p(10, 20), F.p(50, 20)], [F.p(120, 20), F.p(180, 20)]]
        let result = assigner.assign(.multiLineString(lines))
        #expect(result.code == "06001")
        #expect(result.measures.map(\.value) == [80, 60])
    }

    @Test func polygonGoesToTheLargestArea() {
        // Given the work [70,170]×[40,60]: 30×20 = 600 m² in 06001, 70×20 = 1400 m² in 06004
        let result = assigner.assign(.polygon([F.rectangle(70, 40, 170, 60)]))
        #expect(result.code == "06004")
        #expect(
            result.measures == [CommuneMeasure(code: "06001", value: 600), CommuneMeasure(code: "06004", value: 1400)])
        // A non-convex work (L of three 10×10 cells): two cells in 06010, one in 06001
        let l = [F.p(90, 90), F.p(110, 90), F.p(110, 100), F.p(100, 100), F.p(100, 110), F.p(90, 110)]
        let lResult = assigner.assign(.polygon([l]))
        #expect(lResult.measures.map(\.code) == ["06001", "06004", "06010"])
        #expect(lResult.measures.map(\.value) == [100, 100, 100])
        #expect(lResult.code == "06001")  // three-way tie
    }

    @Test func multiPointGoesToTheMostPoints() {
        let result = assigner.assign(.multiPoint([F.p(150, 50), F.p(10, 10), F.p(160, 60)]))
        #expect(result.code == "06004")
        #expect(result.measures.map(\.value) == [1, 2])
    }

    @Test func agreesWithBruteForceOnATiling() {
        // Given a 5×5 tiling of 100 m cells with codes in shuffled order, and random lines on a
        // 10 m lattice (so they often run along shared edges and pass through shared vertices)
        var rng = SplitMix64(seed: 31)
        var communes: [(code: String, polygon: PlanarPolygon)] = []
        var codes = (0..<25).map { String(format: "%05d", 6000 + 7 * $0) }
        codes.shuffle(using: &rng)
        for i in 0..<5 {
            for j in 0..<5 {
                let cell = F.rectangle(Double(i) * 100, Double(j) * 100, Double(i + 1) * 100, Double(j + 1) * 100)
                communes.append((codes[5 * i + j], PlanarPolygon(rings: [cell])))
            }
        }
        let tiling = CommuneAssigner(communes: communes)
        for _ in 0..<500 {
            var p = F.p(
                Double(Int.random(in: 0...50, using: &rng)) * 10, Double(Int.random(in: 0...50, using: &rng)) * 10)
            var line = [p]
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let horizontal = Bool.random(using: &rng)
                let step = Double(Int.random(in: -8...8, using: &rng)) * 10
                p = horizontal ? F.p(p.x + step, p.y) : F.p(p.x, p.y + step)
                line.append(p)
            }
            // When assigned, with the first-vertex shortcut
            let result = tiling.assign(.lineString(line))
            // Then the code and the lengths match measuring every commune
            var expected: [CommuneMeasure] = []
            for (k, code) in tiling.codes.enumerated() {
                let length = tiling.polygons[k].lengthInside(line)
                if length > 0 { expected.append(CommuneMeasure(code: code, value: length)) }
            }
            let best = expected.reduce(nil as CommuneMeasure?) { ($1.value > ($0?.value ?? 0)) ? $1 : $0 }
            #expect(result.code == best?.code)
            #expect(result.measures == expected)
        }
    }
}
