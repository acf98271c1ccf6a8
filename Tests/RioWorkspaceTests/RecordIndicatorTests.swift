import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// Every indicator of monitoring.md on the record fixtures, computed by hand.
///
/// d1 (3 days, planned cash 11,100, no delivery record: delivered as planned): 4 participants
/// (KEN f, SEN m, HTI f, KEN undisclosed), 3 completed, gains +30 and +10; follow-ups 2, 1 applied.
/// d4 (2 days, actual cash 16,000): 3 participants (DEU m, FJI m, DEU f), 2 completed, gains +20
/// and +6; follow-ups 1, applied. d5 (actually 3 days, 2027-03-10..12; planned cash 8,250): 2
/// participants (KEN f, SEN m), both completed. d2 cancelled, d3 not recorded.
/// LDC: SEN, HTI; SIDS: HTI, FJI. Outcomes: KEN policy (d1), FJI reporting (d4), SEN
/// institutional (d1, d5).
@Suite struct RecordIndicatorTests {
    func indicators(by: IndicatorGrouping? = nil) throws -> Indicators {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        return try ws.outcomes(plans: ["tiny"], by: by)
    }

    @Test func totals() throws {
        let t = try indicators().total
        #expect((t.planned, t.delivered, t.cancelled) == (5, 3, 1))
        #expect(t.participants == 9)
        #expect(t.participantDays == 24)  // 4 x 3 + 3 x 2 + 2 x 3
        #expect((t.women, t.disclosed) == (4, 8) && t.womenShare == 0.5)
        #expect(t.countries == 5)
        #expect(t.ldcShare == 3.0 / 9 && t.sidsShare == 2.0 / 9)
        #expect(t.completionRate == 7.0 / 9)
        #expect(t.learningGain == 66.0 / 4)  // (30 + 10 + 20 + 6) / 4
        #expect(t.followedUp == 3 && t.applicationRate == 2.0 / 3)
        #expect(t.outcomes.counts == [1, 1, 0, 1, 0])
        #expect(t.cashPerParticipantDay == 35350.0 / 24)  // (11,100 + 16,000 + 8,250) / 24
    }

    @Test func perConventionCountsAreNotSplit() throws {
        let r = try indicators(by: .convention)
        #expect(r.groups.map(\.group) == ["UNCCD", "CBD", "UNFCCC"])
        let (u, c, f) = (r.groups[0], r.groups[1], r.groups[2])
        #expect((u.planned, u.delivered, u.cancelled, u.participants, u.participantDays) == (3, 3, 0, 9, 24))
        #expect((c.planned, c.delivered, c.cancelled, c.participants, c.participantDays) == (3, 1, 1, 4, 12))
        #expect((f.planned, f.delivered, f.cancelled, f.participants, f.participantDays) == (2, 2, 0, 7, 18))
        #expect(c.womenShare == 2.0 / 3 && c.ldcShare == 0.5 && c.learningGain == 20 && c.applicationRate == 0.5)
        #expect(f.cashPerParticipantDay == 27100.0 / 18)  // (11,100 + 16,000) / 18
        #expect(u.outcomes.total == 3 && c.outcomes.counts == [1, 1, 0, 0, 0] && f.outcomes.counts == [1, 1, 0, 1, 0])
        #expect(r.total.participants == 9)
    }

    @Test func perRegionThemeModuleAndCountry() throws {
        let region = try indicators(by: .region)
        #expect(
            region.groups.map { [$0.group, "\($0.planned ?? -1)", "\($0.delivered)", "\($0.participants)"] } == [["africa", "3", "2", "6"], ["weog", "2", "1", "3"]])
        let theme = try indicators(by: .theme)
        #expect(theme.groups.map(\.group) == ["land", "finance", "gender"])
        #expect(theme.groups.map(\.participantDays) == [18, 0, 6])
        let module = try indicators(by: .module)
        #expect(module.groups.map(\.group) == ["joint-3d", "online-1d", "pair-2d", "advanced"])
        #expect(module.groups.map(\.cancelled) == [0, 1, 0, 0])
        let country = try indicators(by: .country)
        #expect(country.groups.map(\.group) == ["FJI", "DEU", "HTI", "KEN", "SEN"])
        let ken = country.groups[3]
        #expect(ken.planned == nil && ken.delivered == 2 && ken.participants == 3 && ken.participantDays == 9 && ken.learningGain == 30)
        #expect(ken.applicationRate == 1 && ken.outcomes.counts == [1, 0, 0, 0, 0] && ken.cashPerParticipantDay == nil)
    }

    @Test func sessionsUnderFortyPercentWomen() throws {
        let gaps = try indicators().underParity
        #expect(gaps == [Indicators.ParityGap(session: "tiny/d4", region: "weog", module: "pair-2d", women: 1, disclosed: 3, womenShare: 1.0 / 3)])
    }

    @Test func noRecordsGiveEmptyIndicators() throws {
        let t = try RecordFixture().workspace().outcomes().total
        #expect((t.planned, t.delivered, t.cancelled, t.participants) == (5, 0, 0, 0))
        #expect(t.womenShare == nil && t.learningGain == nil && t.cashPerParticipantDay == nil)
        #expect(throws: RioError.self) { try RecordFixture().workspace().outcomes(plans: ["nope"]) }
    }

    @Test func monitoringSummaryOfThePlan() throws {
        let f = try RecordFixture(), ws = f.workspace()
        #expect(try ws.monitoringSummary(plan: "tiny").hasRecords == false)
        try f.recordAll(ws)
        let m = try ws.monitoringSummary(plan: "tiny")
        #expect(m.hasRecords)
        #expect(m.sessions.map(\.session) == ["tiny/d1", "tiny/d4", "tiny/d2", "tiny/d3", "tiny/d5"])
        #expect(m.sessions.map(\.status) == [.delivered, .delivered, .cancelled, nil, .delivered])
        #expect(m.sessions.map(\.participants) == [4, 3, 0, 0, 2])
        #expect(m.sessions[0].womenShare == 2.0 / 3 && m.sessions[0].actualStart == nil)
        #expect(m.sessions[4].actualStart?.iso == "2027-03-10" && m.sessions[4].plannedStart.iso == "2027-03-09")
        #expect(
            m.regions == [
                MonitoringSummary.RegionLine(region: "africa", planned: 3, delivered: 2, cancelled: 1),
                MonitoringSummary.RegionLine(region: "weog", planned: 2, delivered: 1, cancelled: 0),
            ])
        #expect(
            m.outcomes == [
                MonitoringSummary.ConventionOutcomes(convention: "UNCCD", counts: [1, 1, 0, 1, 0]),
                MonitoringSummary.ConventionOutcomes(convention: "CBD", counts: [1, 1, 0, 0, 0]),
                MonitoringSummary.ConventionOutcomes(convention: "UNFCCC", counts: [1, 1, 0, 1, 0]),
            ])
    }

    @Test func whatOneCountryReceived() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        let ken = try ws.countryReceived(code: "ken")
        #expect(ken.country.name == "Kenya")
        #expect(ken.activities.map(\.session) == ["tiny/d1", "tiny/d5"])
        let d1 = ken.activities[0]
        #expect(d1.title == "Joint three-day workshop" && d1.location == "Dakar centre, Dakar" && d1.conventions == ["UNCCD", "CBD", "UNFCCC"])
        #expect((d1.participants, d1.women, d1.disclosed, d1.youth, d1.iplc, d1.completed) == (2, 1, 1, 1, 0, 2))
        #expect(d1.focalPoints == ["UNCCD": 1, "CBD": 1, "UNFCCC": 1])
        #expect(ken.activities[1].start.iso == "2027-03-10" && ken.activities[1].end.iso == "2027-03-12")
        #expect(ken.outcomes.map(\.description) == ["National LDN targets adopted"])
        let hti = try ws.countryReceived(code: "HTI")
        #expect(hti.activities.map { ($0.session, $0.iplc, $0.women) }.elementsEqual([("tiny/d1", 1, 1)], by: ==))
        #expect(try ws.countryReceived(code: "DEU").activities.first?.location == "Bonn campus, Bonn")
        #expect(throws: RioError.self) { try ws.countryReceived(code: "KNE") }
    }
}
