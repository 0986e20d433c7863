import AtlasModel
import AtlasReports
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The periodic report on the report world, every figure worked out by hand from its five works
/// (see `Tests/Fixtures/report-world/works.geojson`) for 2018:
/// - R-1 road 135 completed (approved 2018-02-01, started 03-01, completed 06-30), central
///   1,000,000,000 / 900,000,000 and commune 200,000,000 / 100,000,000, 50 labour days; in 00001;
/// - R-2 road 30a handed over (approved 2017-12-31, completed 2018-01-01), 500,000,000 / 500,000,000; in 00002;
/// - H-1 health 135 approved on 2018-12-31, 300,000,000 / 0; in 00001;
/// - S-1 school ntm proposed (registered today), 100,000,000; in 00002;
/// - R-3 road 135 under construction, approved 2019-01-01; in 00001;
/// - maintenance: R-1 5,000,000 on 2018-01-01, R-2 25,000,000 on 2018-12-31 and 10,000,000 on 2019-01-01.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && SQLiteShell.isAvailable)) struct PeriodReportTests {
    @Test func progressCountsEachEventByItsOwnDateWithBothEndsIncluded() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let progress = try #require(try fixture.report(.commune).table("progress"))
        // R-1, R-2 (completed 2018-01-01: the first day) and H-1 (approved 2018-12-31: the last day).
        #expect(progress.cell("total", "registered") == .integer(3))
        #expect(progress.cell("total", "approved") == .integer(2))  // R-1, H-1; not R-2 (2017-12-31) nor R-3 (2019)
        #expect(progress.cell("total", "started") == .integer(1))
        #expect(progress.cell("total", "completed") == .integer(2))
        #expect(progress.cell("total", "handed_over") == .integer(1))
        #expect(progress.cell("00001", "registered") == .integer(2))
        #expect(progress.cell("00001", "approved") == .integer(2))
        #expect(progress.cell("00002", "completed") == .integer(1))
        #expect(progress.cell("00002", "handed_over") == .integer(1))
    }

    @Test func statusAtTheEndLeavesOutWorksRegisteredLater() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let status = try #require(try fixture.report(.district).table("status_at_end"))
        #expect(status.cell("178", "completed") == .integer(1))
        #expect(status.cell("178", "handed_over") == .integer(1))
        #expect(status.cell("178", "approved") == .integer(1))
        #expect(status.cell("178", "proposed") == .integer(0))  // S-1 was registered after 2018
        #expect(status.cell("178", "under_construction") == .integer(0))  // R-3 started in 2019
        #expect(status.cell("total", "total") == .integer(3))
    }

    @Test func fundingCountsWorksApprovedInThePeriodAndMaintenanceByDate() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let funding = try #require(try fixture.report(.commune).table("funding"))
        #expect(funding.cell("total", "works_approved") == .integer(2))
        #expect(funding.cell("total", "planned_vnd") == .integer(1_500_000_000))
        #expect(funding.cell("total", "disbursed_vnd") == .integer(1_000_000_000))
        let rate = try #require(funding.cell("total", "disbursement_rate"))
        guard case .decimal(let r) = rate else { Issue.record("rate is \(rate)"); return }
        #expect(abs(r - 2.0 / 3.0) < 1e-12)
        #expect(funding.cell("total", "labour_days") == .integer(50))
        #expect(funding.cell("total", "maintenance_events") == .integer(2))
        #expect(funding.cell("total", "maintenance_vnd") == .integer(30_000_000))
        #expect(funding.cell("00001", "planned_vnd") == .integer(1_500_000_000))
        #expect(funding.cell("00001", "maintenance_vnd") == .integer(5_000_000))
        #expect(funding.cell("00002", "works_approved") == .integer(0))
        #expect(funding.cell("00002", "disbursement_rate") == .empty)
        #expect(funding.cell("00002", "maintenance_vnd") == .integer(25_000_000))
    }

    @Test func bySourceSplitsEachWorksLinesAndCountsAWorkOnceInTheTotal() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let funding = try #require(try fixture.report(.source).table("funding"))
        #expect(funding.cell("central", "planned_vnd") == .integer(1_000_000_000))
        #expect(funding.cell("central", "disbursed_vnd") == .integer(900_000_000))
        #expect(funding.cell("commune", "planned_vnd") == .integer(200_000_000))
        #expect(funding.cell("unspecified", "planned_vnd") == .integer(300_000_000))  // H-1
        #expect(funding.cell("central", "works_approved") == .integer(1))
        #expect(funding.cell("commune", "works_approved") == .integer(1))
        #expect(funding.cell("total", "works_approved") == .integer(2))  // R-1 is in two groups, once here
        #expect(funding.cell("total", "planned_vnd") == .integer(1_500_000_000))
    }

    @Test func programmeBySourceTableAddsUpToTheFundingTotal() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let table = try #require(try fixture.report(.province, language: .en).table("programme_source"))
        let rows = table.rows.map { [$0[0], $0[1], $0[2], $0[3]] }
        #expect(rows == [
            [.text("Programme 135"), .text("Central budget"), .integer(1_000_000_000), .integer(900_000_000)],
            [.text("Programme 135"), .text("Commune budget"), .integer(200_000_000), .integer(100_000_000)],
            [.text("Programme 135"), .text("Source not given"), .integer(300_000_000), .integer(0)],
        ])
        #expect(table.totals?[2] == .integer(1_500_000_000))
    }

    @Test func envelopeSetsInvestmentAndMaintenanceAgainstThePlan() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let envelope = try #require(try fixture.report(.province, plan: try ReportFixture.plan).table("envelope"))
        #expect(envelope.rows[0][1] == .integer(2_000_000_000))
        #expect(envelope.rows[0][2] == .integer(1_500_000_000))
        #expect(envelope.rows[0][3] == .decimal(0.75))
        #expect(envelope.rows[0][4] == .integer(1_000_000_000))
        #expect(envelope.rows[1][1] == .integer(100_000_000))
        #expect(envelope.rows[1][2] == .integer(30_000_000))
        #expect(envelope.rows[1][3] == .decimal(0.3))
        #expect(envelope.totals?[1] == .integer(2_100_000_000))
        #expect(envelope.totals?[2] == .integer(1_530_000_000))
        #expect(envelope.totals?[4] == .integer(1_030_000_000))
    }

    @Test func povertyComparesTheYearBeforeWithTheLastYear() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let poverty = try #require(try fixture.report(.commune).table("poverty"))
        // 00001: 90 of 500 in 2017, 78 of 520 in 2018: 18 % → 15 %, −3 points.
        #expect(poverty.cell("00001", "poor_start") == .integer(90))
        #expect(poverty.cell("00001", "poverty_rate_start") == .decimal(0.18))
        #expect(poverty.cell("00001", "poverty_rate_end") == .decimal(0.15))
        guard case .decimal(let change)? = poverty.cell("00001", "change_points") else { Issue.record("no change"); return }
        #expect(abs(change - -3) < 1e-9)
        // 00002 has no 2017 figures.
        #expect(poverty.cell("00002", "poverty_rate_start") == .empty)
        #expect(poverty.cell("00002", "change_points") == .empty)
        // The province: 139 of 920 in 2018.
        #expect(poverty.totals?[5] == .integer(920))
        #expect(poverty.totals?[6] == .integer(139))
    }

    @Test func coverageRisesWhereTheAsphaltRoadWasFinished() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let coverage = try #require(try fixture.report(.commune).table("coverage"))
        let road = coverage.rows.filter { $0[2] == .text("Giao thông") }
        let east = try #require(road.first { $0[0] == .text("00002") })
        // Khối 1 (200 households) lies on R-1's end; R-1 was finished on 2018-06-30.
        #expect(east[4] == .decimal(0))
        #expect(east[5] == .decimal(1))
        #expect(east[6] == .decimal(100))
    }

    @Test func roadsTableCountsRoadsCompletedByEachEnd() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let roads = try #require(try fixture.report(.commune).table("roads"))
        let westAsphalt = try CommuneFiguresTests.spatiaLiteLength(
            "LINESTRING(106.04 21.05, 106.15 21.05)", inside: CommuneFiguresTests.west)
        #expect(roads.cell("00001", "asphalt_m") == .integer(Int64(westAsphalt.rounded())))
        #expect(roads.cell("00001", "concrete_m") == .integer(0))  // R-3 is not finished
        #expect(roads.cell("00001", "hardened_share_start") == .empty)  // nothing built by 2017-12-31
        #expect(roads.cell("00001", "hardened_share_end") == .decimal(1))
        guard case .decimal(let east)? = roads.cell("00002", "hardened_share_end") else { Issue.record("no share"); return }
        #expect(east > 0.4 && east < 0.5)  // 5.2 km of asphalt, 6.6 km of earth
        // Ending the period before were finished leaves no road at all.
        let early = try #require(try fixture.report(.commune, from: "2017-01-01", to: "2017-12-31").table("roads"))
        #expect(early.cell("total", "road_length_m") == .integer(0))
    }

    @Test func periodEndingBeforeItStartsIsRefused() throws {
        #expect(throws: ReportError.self) {
            try ReportPeriod(from: try CalendarDate(iso: "2018-12-31"), to: try CalendarDate(iso: "2018-01-01"))
        }
    }

    @Test func planWhoseTotalDiffersFromItsPartsIsReadAndTheReportSaysSo() throws {
        let plan = try BudgetPlan.read(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Data/plans/35-KH-UBND-2016-2020.json"))
        #expect(plan.investmentVND == 729_068_000_000)
        #expect(plan.recurrentVND == 254_138_000_000)
        #expect(plan.totalVND == 983_106_000_000)
        #expect(plan.partsExceedTotalBy == 100_000_000)
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let report = try fixture.report(.province, plan: plan)
        #expect(report.notes.contains { $0.vi.contains("chênh 100 triệu đồng") })
        #expect(report.table("envelope")?.totals?[1] == .integer(983_106_000_000))
    }
}
