import AtlasCoverage
import AtlasModel
import Testing

@Suite struct RoadSurfaceTests {
    typealias F = CoverageFixture

    /// A completed road passing 500 m north of the village (road D = 2000 m).
    static func road(_ surface: RoadSurface?) -> CoverageFixture.Work {
        F.work("R1", .road, .lineString([F.p(-3000, 500), F.p(3000, 500)]), surface: surface)
    }

    @Test(arguments: [RoadSurface.earth, .gravel])
    func unpavedRoadDoesNotServe(surface: RoadSurface) {
        #expect(!F.servesOrigin(Self.road(surface)))
    }

    @Test func roadOfUnknownSurfaceDoesNotServe() {
        // A null surface is not "all-season" (WORKLOAD rule 3)
        #expect(!F.servesOrigin(Self.road(nil)))
    }

    @Test(arguments: [RoadSurface.asphalt, .concrete])
    func hardenedRoadServes(surface: RoadSurface) {
        #expect(F.servesOrigin(Self.road(surface)))
    }

    @Test(arguments: [WorkCategory.electricity, .culture, .health, .school, .irrigation, .water, .other])
    func otherCategoriesNeedNoSurface(category: WorkCategory) {
        // Given a completed non-road work without surface 500 m away (every D ≥ 1000 m)
        let work = F.work("W1", category, .lineString([F.p(-3000, 500), F.p(3000, 500)]))
        // Then it serves
        #expect(F.servesOrigin(work))
    }

    @Test func customRulesMayAcceptGravel() {
        // Given rules where gravel also counts as all-season
        var rules = CoverageRules.standard
        rules.servingRoadSurfaces.insert(.gravel)
        // Then the gravel road serves, the earth road still does not
        #expect(F.servesOrigin(Self.road(.gravel), rules: rules))
        #expect(!F.servesOrigin(Self.road(.earth), rules: rules))
    }
}
