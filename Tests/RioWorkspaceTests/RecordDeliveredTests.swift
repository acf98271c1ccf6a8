import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// `rioplan delivered`: the delivered list, and a later request that names it planning with its
/// prerequisites met.
@Suite struct RecordDeliveredTests {
    @Test func deliveredPairsInCatalogOrder() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        let list = try ws.delivered(plans: ["tiny"])
        #expect(
            list.entries == [
                Delivered(module: "joint-3d", region: "africa"), Delivered(module: "pair-2d", region: "weog"), Delivered(module: "advanced", region: "africa"),
            ])
        #expect(
            list.yaml() == """
                # Modules delivered per region, from the delivery records of tiny@1 (rioplan delivered).
                # Name this file in a request as `delivered: FILE.yaml`: prerequisites delivered here count as met.
                - {module: joint-3d, region: africa}
                - {module: pair-2d, region: weog}
                - {module: advanced, region: africa}

                """)
    }

    /// A request for `advanced` (prerequisite `online-1d`) in a region.
    static func request(region: String, delivered: Bool) -> String {
        """
        name: next
        currency: USD
        horizon: {start: 2028-03-01, end: 2028-03-31}
        demand:
          - {id: a1, module: advanced, region: \(region), participants: 10, earliest: 2028-03-07, latest: 2028-03-08}
        staff:
          - {id: t4, name: T Four, org: UNCCD, home: africa, languages: [en], modules: [advanced], dayRate: 300}
        funding:
          - {id: core, name: Core budget, owner: UNCCD, type: core, cap: 1000000}
        \(delivered ? "delivered: delivered.yaml\n" : "")
        """
    }

    @Test func aLaterRequestNamingTheFilePlansWithPrerequisitesMet() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        // online-1d was delivered in africa? No: tiny/d2 was cancelled. Record tiny/d3 (weog) instead.
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d3", file: RecordFixture.file("d5.csv"))])
        _ = try f.write("delivered.yaml", try ws.delivered().yaml())
        let search = SearchSettings(iterations: 100, seed: 1)
        func scheduled(_ text: String) throws -> [String] {
            let path = try f.write("next.yaml", text)
            guard case .planned(let p) = try ws.plan(request: path, record: false, search: search) else { return [] }
            return p.run.plan.sessions.map(\.demand)
        }
        #expect(try scheduled(RecordDeliveredTests.request(region: "weog", delivered: true)) == ["a1"])
        #expect(try scheduled(RecordDeliveredTests.request(region: "weog", delivered: false)) == [])
        #expect(try scheduled(RecordDeliveredTests.request(region: "africa", delivered: true)) == [])
    }
}
