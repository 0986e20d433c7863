import AtlasCoverage
import AtlasModel
import Testing

@Suite struct ServingStatusTests {
    typealias F = CoverageFixture

    @Test(arguments: [WorkStatus.proposed, .approved, .underConstruction, .cancelled])
    func unfinishedOrCancelledWorkDoesNotServe(status: WorkStatus) {
        // Given a clinic 100 m from the village (health D = 5000 m) that is not finished
        let clinic = F.work("H1", .health, .point(F.p(100, 0)), status: status)
        // Then the village is not served
        #expect(F.ratioAtOrigin(.health, works: [clinic]) == 0)
    }

    @Test(arguments: [WorkStatus.completed, .handedOver])
    func completedOrHandedOverWorkServes(status: WorkStatus) {
        // Given the same clinic, finished
        let clinic = F.work("H1", .health, .point(F.p(100, 0)), status: status)
        // Then the village (50 households) is fully served
        #expect(F.ratioAtOrigin(.health, works: [clinic]) == 1)
    }

    @Test func aProposedWorkBesideACompletedOneChangesNothing() {
        // Given a proposed clinic at the village and a completed one 6 km away (beyond 5000 m)
        let works = [
            F.work("H1", .health, .point(F.p(0, 0)), status: .proposed),
            F.work("H2", .health, .point(F.p(6000, 0)), status: .completed),
        ]
        // Then nothing serves the village
        #expect(F.ratioAtOrigin(.health, works: works) == 0)
    }

    @Test func aWorkServesOnlyItsOwnCategory() {
        // Given a completed school at the village
        let school = F.work("S1", .school, .point(F.p(0, 0)))
        // Then the village has a school but no clinic, water, …
        #expect(F.ratioAtOrigin(.school, works: [school]) == 1)
        for other in WorkCategory.allCases where other != .school {
            #expect(F.ratioAtOrigin(other, works: [school]) == 0)
        }
    }
}
