import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// A workspace with the cycle `c`: the workspace fixture's request without its demands, which
/// it takes from `needs-c.yaml` (not written yet) instead.
struct NeedsFixture {
    static let folder = WorkspaceFixture.root.appendingPathComponent("Tests/Fixtures/needs")
    static let africa = Principal(name: "Awa Africa-Office", role: .region("africa"))
    static let weog = Principal(name: "Wim Weog-Office", role: .region("weog"))
    static let coordinator = Principal(name: "Cora Coordinator", role: .coordinator)

    let base: WorkspaceFixture
    var request: String { (base.plansFolder as NSString).appendingPathComponent("c.yaml") }
    var needsFile: String { (base.plansFolder as NSString).appendingPathComponent("needs-c.yaml") }

    init() throws {
        base = try WorkspaceFixture()
        let lines = WorkspaceFixture.requestYAML.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  - {id: d") }
        let yaml = lines.joined(separator: "\n").replacingOccurrences(of: "name: t\n", with: "name: c\n")
            .replacingOccurrences(of: "demand:\n", with: "demand: needs-c.yaml\n")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: request))
    }

    func workspace() -> Workspace { base.workspace() }

    /// A fixture sheet's bytes.
    static func sheet(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// The diagnostics of a refused submission, as printed; the error itself for any other.
    static func problems(_ body: () throws -> Void) -> [String] { RecordFixture.problems(body) }

    /// How many needs the cycle holds.
    func count(_ ws: Workspace) throws -> Int { try ws.needs(cycle: "c", visibleTo: NeedsFixture.coordinator).map(\.rows.count).reduce(0, +) }
}

/// Needs intake: sheets and the form checked row by row, stored whole or not at all, by region.
@Suite struct NeedsTests {
    @Test func cycleDatesAreReadBeforeItsDemandFileExists() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        let c = try ws.needsCycle("c")
        #expect(c.start == Day(iso: "2027-03-01") && c.end == Day(iso: "2027-03-26"))
        #expect(!FileManager.default.fileExists(atPath: f.needsFile))
        do {
            _ = try ws.needsCycle("nope")
            Issue.record("an unknown cycle was accepted")
        } catch RioError.data(let m) {
            #expect(m.hasPrefix("no planning cycle `nope`: \(f.base.plansFolder)/nope.yaml does not exist; "))
            #expect(m.hasSuffix("(cycles: c, t)"))
        }
        #expect(throws: RioError.self) { try ws.needsCycle("../c") }
    }

    @Test func regionOfficeSheetIsStoredWithSenderAndIDs() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        let s = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("africa.csv"), fileName: "C:\\Users\\awa\\africa.csv", by: NeedsFixture.africa)
        #expect(s.cycle == "c" && s.region == "africa" && s.sender == "Awa Africa-Office" && s.source == "africa.csv")
        #expect(
            s.rows == [
                NeedRow(
                    id: "n-africa-001", module: "joint-3d", region: "africa", participants: 10, languages: ["en", "fr"], priority: 4,
                    earliest: Day(iso: "2027-03-01"), latest: Day(iso: "2027-03-03")),
                NeedRow(
                    id: "af-online", module: "online-1d", region: "africa", participants: 50, languages: ["en", "es"],
                    earliest: Day(iso: "2027-03-08"), latest: Day(iso: "2027-03-08")),
                NeedRow(
                    id: "n-africa-002", module: "advanced", region: "africa", participants: 10, languages: ["en"],
                    earliest: Day(iso: "2027-03-09"), latest: Day(iso: "2027-03-10")),
            ])
        #expect(try f.workspace().needs(cycle: "c", visibleTo: NeedsFixture.africa).map(\.rows) == [s.rows])
    }

    @Test func workbookWithDateCellsIsRead() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        let s = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("weog.xlsx"), fileName: "weog needs.xlsx", by: NeedsFixture.weog)
        #expect(s.source == "weog needs.xlsx")
        #expect(
            s.rows == [
                NeedRow(
                    id: "n-weog-001", module: "online-1d", region: "weog", participants: 20, languages: ["en"],
                    earliest: Day(iso: "2027-03-08"), latest: Day(iso: "2027-03-08")),
                NeedRow(
                    id: "weog-gender", module: "pair-2d", region: "weog", participants: 20, languages: ["en", "fr"], priority: 2,
                    earliest: Day(iso: "2027-03-01"), latest: Day(iso: "2027-03-02")),
            ])
    }

    @Test func badSheetReportsEveryRowAtItsPlaceAndStoresNothing() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("africa.csv"), fileName: "africa.csv", by: NeedsFixture.africa)
        let problems = NeedsFixture.problems {
            _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("bad.csv"), fileName: "bad.csv", by: NeedsFixture.coordinator)
        }
        #expect(
            problems == [
                "bad.csv:2:2: row 2, column B (module): `joint-3x` is not a module of the catalog; did you mean `joint-3d`? write a module id as the catalog lists it",
                "bad.csv:3:3: row 3, column C (region): `afrika` is not a region of the catalog; did you mean `africa`? write one of africa, weog",
                "bad.csv:4:4: row 4, column D (participants): 80 is over joint-3d's maximum of 30; split it in two rows or lower it",
                "bad.csv:5:4: row 5, column D (participants): `ten` is not a whole number; write the number of participants, e.g. 25",
                "bad.csv:6:5: row 6, column E (languages): joint-3d is not given in de; write some of en, fr, or leave it empty for all of them",
                "bad.csv:7:6: row 7, column F (priority): 9 is out of range (at most 5); write a priority from 1 (lowest) to 5",
                "bad.csv:8:7: row 8, column G (earliest): `next week` is not a date; write it as YYYY-MM-DD, from 2027-03-01 to 2027-03-26, or leave it empty for the cycle's start",
                "bad.csv:9:8: row 9, column H (latest): 2028-01-10 is outside the cycle (2027-03-01 to 2027-03-26); choose a date inside the cycle, or leave it empty",
                "bad.csv:10:8: row 10, column H (latest): latest 2027-03-05 is before earliest 2027-03-10; swap the two dates or correct one of them",
                "bad.csv:12:1: row 12, column A (id): id `x1` is on row 11 already; give each need its own id, or leave the cell empty to have one made",
                "bad.csv:13:1: row 13, column A (id): id `af-online` is already taken in this cycle; choose another id, or leave the cell empty to have one made",
                "bad.csv:14:2: row 14, column B (module): no module; write the id of a catalog module, e.g. `joint-3d`",
                "bad.csv:15:4: row 15, column D (participants): 0 is out of range (at least 1); write the number of participants, e.g. 25",
                "bad.csv:16:1: row 16, column A (id): `a b` is not an id; use letters, digits and . _ / - only, starting with a letter or digit, or leave the cell empty to have one made",
            ])
        #expect(try f.count(f.workspace()) == 3)
    }

    @Test func regionOfficeMaySendItsOwnRegionOnly() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        let sheet = Data("module,region,participants\njoint-3d,africa,10\njoint-3d,weog,10\n".utf8)
        #expect(
            NeedsFixture.problems { _ = try ws.submitNeeds(cycle: "c", sheet: sheet, fileName: "mixed.csv", by: NeedsFixture.africa) } == [
                "mixed.csv:3:2: row 3, column B (region): `weog` is not your region; your office sends needs of africa only: write africa or leave it empty; the coordinator sends other regions' needs"
            ])
        #expect(try f.count(ws) == 0)
        let both = try ws.submitNeeds(cycle: "c", sheet: sheet, fileName: "mixed.csv", by: NeedsFixture.coordinator)
        #expect(both.region == "africa, weog" && both.rows.map(\.id) == ["n-africa-001", "n-weog-001"])
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("weog.xlsx"), fileName: "weog.xlsx", by: NeedsFixture.weog)
        let seen = try ws.needs(cycle: "c", visibleTo: NeedsFixture.africa)
        #expect(seen.count == 1 && seen[0].region == "africa" && seen[0].rows.map(\.id) == ["n-africa-001"])
        #expect(try ws.needs(cycle: "c", visibleTo: NeedsFixture.weog).flatMap(\.rows).map(\.id) == ["n-weog-001", "n-weog-002", "weog-gender"])
    }

    @Test func financeAndViewersMayNotSendOrReadNeeds() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        for role in [AccessRole.finance, .viewer] {
            let p = Principal(name: "Fin", role: role)
            #expect(throws: RioError.self) { try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("africa.csv"), fileName: "a.csv", by: p) }
            do {
                _ = try ws.needs(cycle: "c", visibleTo: p)
                Issue.record("\(role) read needs")
            } catch RioError.forbidden(let m) {
                #expect(m == "Fin (\(role)) may not read the regions' needs; the regional offices and the coordinator send and read needs")
            }
        }
        #expect(try f.count(ws) == 0)
    }

    @Test func garbageIsRefusedNeverACrash() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        func refusal(_ data: Data, _ name: String) -> [String] {
            NeedsFixture.problems { _ = try ws.submitNeeds(cycle: "c", sheet: data, fileName: name, by: NeedsFixture.africa) }
        }
        let garbage = refusal(try NeedsFixture.sheet("garbage.bin"), "garbage.bin")
        #expect(garbage.count == 1 && garbage[0].hasPrefix("garbage.bin:1:1: "))
        #expect(refusal(Data(), "e.csv") == ["e.csv:1:1: the file is empty; send \(NeedSheet.expected)"])
        #expect(
            refusal(Data(count: NeedSheet.maxBytes + 1), "big.xlsx") == [
                "big.xlsx:1:1: the file is larger than 10 MB, far more than a needs sheet holds; send \(NeedSheet.expected)"
            ])
        var generator = SeededBytes(seed: 7)
        var noise = Data((0..<NeedSheet.maxBytes).map { _ in generator.next() })
        let noiseProblems = refusal(noise, "noise.csv")
        #expect(!noiseProblems.isEmpty && noiseProblems.allSatisfy { $0.hasPrefix("noise.csv:") && $0.contains("UTF-8") }, "\(noiseProblems)")
        noise.replaceSubrange(0..<4, with: [0x50, 0x4B, 0x03, 0x04])
        #expect(refusal(noise, "noise.xlsx").first?.hasPrefix("noise.xlsx") == true)
        #expect(refusal(Data("id,module\n".utf8), "h.csv").first?.hasPrefix("h.csv:1:1: no participants column; ") == true)
        #expect(refusal(Data("module,participants\n".utf8), "h.csv") == ["h.csv:1:1: the sheet has no needs below its header; add one row per need"])
        #expect(try f.count(ws) == 0)
    }

    @Test func formErrorsNameTheField() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        let bad = ["module": "joint-3d", "participants": "80", "earliest": "2027-13-01", "_csrf": "x"]
        #expect(
            NeedsFixture.problems { _ = try ws.submitNeed(cycle: "c", fields: bad, by: NeedsFixture.africa) } == [
                "form:1:4: participants: 80 is over joint-3d's maximum of 30; split it in two needs or lower it",
                "form:1:7: earliest: `2027-13-01` is not a date; write it as YYYY-MM-DD, from 2027-03-01 to 2027-03-26, or leave it empty for the cycle's start",
            ])
        let s = try ws.submitNeed(cycle: "c", fields: ["module": "joint-3d", "participants": "30", "languages": "fr", "priority": ""], by: NeedsFixture.africa)
        #expect(s.source == "form" && s.rows == [NeedRow(id: "n-africa-001", module: "joint-3d", region: "africa", participants: 30, languages: ["fr"])])
        #expect(
            NeedsFixture.problems { _ = try ws.submitNeed(cycle: "c", fields: [:], by: NeedsFixture.coordinator) } == [
                "form:1:1: the form is empty; fill in at least module and participants"
            ])
    }

    @Test func withdrawingAnotherRegionsNeedIsNotFound() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("weog.xlsx"), fileName: "weog.xlsx", by: NeedsFixture.weog)
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("africa.csv"), fileName: "africa.csv", by: NeedsFixture.africa)
        func message(_ id: String) -> String? {
            do {
                try ws.withdrawNeed(cycle: "c", id: id, by: NeedsFixture.africa)
                return nil
            } catch RioError.notFound(let m) {
                return m
            } catch { return "\(error)" }
        }
        #expect(message("weog-gender") == "no need `weog-gender` of your region in the cycle c; the list of needs shows their ids")
        #expect(message("nothing") == "no need `nothing` of your region in the cycle c; the list of needs shows their ids")
        #expect(message("af-online") == nil)
        #expect(try f.count(ws) == 4)
    }

    @Test func writtenNeedsArePlannedAsTheRequestsDemand() throws {
        let f = try NeedsFixture(), ws = f.workspace()
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("weog.xlsx"), fileName: "weog.xlsx", by: NeedsFixture.weog)
        _ = try ws.submitNeeds(cycle: "c", sheet: try NeedsFixture.sheet("africa.csv"), fileName: "africa.csv", by: NeedsFixture.africa)
        let list = try ws.exportNeeds(cycle: "c", to: f.needsFile)
        #expect(list.rows.count == 5 && list.regions == 2 && list.submissions == 2)
        #expect(
            try f.base.text(f.needsFile) == """
                # Needs sent by the regional offices for c (rioplan needs): 5 needs from 2 regions, 2 submissions.
                # Name this file in the plan request as `demand: FILE.yaml`.
                - {id: af-online, module: online-1d, region: africa, participants: 50, languages: [en, es], earliest: 2027-03-08, latest: 2027-03-08}
                - {id: n-africa-001, module: joint-3d, region: africa, participants: 10, languages: [en, fr], priority: 4, earliest: 2027-03-01, latest: 2027-03-03}
                - {id: n-africa-002, module: advanced, region: africa, participants: 10, languages: [en], earliest: 2027-03-09, latest: 2027-03-10}
                - {id: n-weog-001, module: online-1d, region: weog, participants: 20, languages: [en], earliest: 2027-03-08, latest: 2027-03-08}
                - {id: weog-gender, module: pair-2d, region: weog, participants: 20, languages: [en, fr], priority: 2, earliest: 2027-03-01, latest: 2027-03-02}

                """)
        #expect(list.summary(wrote: f.needsFile, request: f.request).hasSuffix("; use it as `demand: needs-c.yaml` in \(f.request)."))
        let request = try PlanRequestLoader.load(path: f.request, catalog: try ws.catalog())
        #expect(request.demands.map(\.id) == ["af-online", "n-africa-001", "n-africa-002", "n-weog-001", "weog-gender"])
        #expect(request.demands.map(\.priority) == [3, 4, 3, 3, 2])
        guard case .planned(let p) = try ws.plan(request: f.request, record: false, search: WorkspaceFixture.search) else {
            Issue.record("pins conflict")
            return
        }
        #expect(p.run.plan.unscheduled.isEmpty)
        #expect(p.run.plan.sessions.map(\.demand).sorted() == request.demands.map(\.id))
        #expect(try ws.writeNeeds(cycle: "c", to: f.needsFile) == 5)
    }
}

/// Reproducible noise bytes (SplitMix64).
struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt8 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
}
