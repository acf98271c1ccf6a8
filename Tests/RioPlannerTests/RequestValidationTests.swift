import Foundation
import RioModel
import Testing

/// Invalid plan requests (plan-request-format.md): each problem reported as `file:line:col: message; hint`
/// by `PlanRequestLoader` (exit 65 in the CLI), on one changed line of a valid request.
@Suite struct RequestValidationTests {
    /// A valid request; line numbers matter to the tests below.
    static let valid = """
        name: v
        title: Validation
        currency: USD
        horizon: {start: 2027-03-01, end: 2027-04-30}
        demand:
          - id: d1
            module: joint-3d
            region: africa
            participants: 10
            earliest: 2027-03-01
            latest: 2027-03-31
          - id: d2
            module: online-1d
            region: weog
            participants: 20
        staff:
          - id: t1
            name: T One
            org: UNCCD
            home: weog
            languages: [en, fr]
            modules: [joint-3d, online-1d]
            dayRate: 500
        funding:
          - id: core
            name: Core
            owner: UNCCD
            cap: 100000
        blackouts:
          - name: Retreat
            start: 2027-03-15
            end: 2027-03-19
        pinned:
          - demand: d1
            start: 2027-03-01
            trainers: [t1]

        """

    /// The problems of loading `text` as `request.yaml` (with `files` beside it), the folder prefix removed.
    func problems(_ text: String, files: [String: String] = [:]) throws -> [String] {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, body) in files { try Data(body.utf8).write(to: dir.appendingPathComponent(name)) }
        let path = dir.appendingPathComponent("request.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PlanRequestLoader.load(path: path, catalog: try Fixture.catalog())
            return []
        } catch RioError.invalidInput(let ds) {
            return ds.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
        }
    }

    /// `valid` with `old` replaced by `new` (which must occur exactly once).
    func variant(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        #expect(Self.valid.components(separatedBy: old).count == 2, "`\(old)` must occur once", sourceLocation: sourceLocation)
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validRequestLoads() throws {
        #expect(try problems(Self.valid) == [])
        let r = try PlanRequestLoader.load(path: try Self.write(Self.valid), catalog: try Fixture.catalog())
        #expect(r.demands.map(\.id) == ["d1", "d2"])
        #expect(r.demands[1].priority == 3 && r.demands[1].languages == nil && r.demands[1].earliest == nil)
        #expect(
            r.pinned == [
                Pin(
                    demand: "d1", start: Day(iso: "2027-03-01") ?? Day(number: 0), trainers: ["t1"],
                    location: r.pinned.first?.location ?? SourceLocation(file: "", line: 0, column: 0))
            ])
    }

    static func write(_ text: String) throws -> String {
        let path = try Fixture.tempDir().appendingPathComponent("request.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func unknownModule() throws {
        let p = try problems(variant("module: joint-3d", "module: joint-3e"))
        #expect(p == ["request.yaml:7:13: unknown module `joint-3e`; did you mean `joint-3d`?"])
    }

    @Test func unknownRegion() throws {
        let p = try problems(variant("region: weog", "region: asia"))
        #expect(p == ["request.yaml:14:13: unknown region `asia`; use one of the catalog's region ids, or add the region to the catalog"])
    }

    @Test func unknownTrainerInPin() throws {
        let p = try problems(variant("trainers: [t1]", "trainers: [t2]"))
        #expect(p == ["request.yaml:34:5: pin names trainer `t2`, who is not in `staff`; did you mean `t1`?"])
    }

    @Test func unknownDemandInPin() throws {
        let p = try problems(variant("  - demand: d1", "  - demand: d9"))
        #expect(p == ["request.yaml:34:5: pin names demand `d9`, which is not in `demand`; did you mean `d1`?"])
    }

    @Test func duplicateDemandID() throws {
        let p = try problems(variant("  - id: d2", "  - id: d1"))
        #expect(p == ["request.yaml:12:5: demand `d1` appears twice (first at request.yaml:6:5); give each demand its own id"])
    }

    @Test func dateThatIsNotADate() throws {
        let p = try problems(variant("latest: 2027-03-31", "latest: 2027-02-30"))
        #expect(p == ["request.yaml:11:13: `latest` of a demand is not a date: `2027-02-30`; write a real calendar date as YYYY-MM-DD, e.g. 2027-03-01"])
    }

    @Test func impossibleHorizonStartStillReadsItsEnd() throws {
        // A bad start must not make `end` look like an unknown key.
        let p = try problems(variant("horizon: {start: 2027-03-01, end: 2027-04-30}", "horizon: {start: 2027-02-30, end: 2027-04-30}"))
        #expect(p == ["request.yaml:4:18: `start` of `horizon` is not a date: `2027-02-30`; write a real calendar date as YYYY-MM-DD, e.g. 2027-03-01"])
    }

    @Test func horizonEndsBeforeItStarts() throws {
        let p = try problems(variant("horizon: {start: 2027-03-01, end: 2027-04-30}", "horizon: {start: 2027-03-01, end: 2027-02-28}"))
        #expect(p == ["request.yaml:4:35: horizon ends (2027-02-28) before it starts (2027-03-01); swap the dates or correct one of them"])
    }

    @Test func windowOutsideTheHorizon() throws {
        let p = try problems(variant("earliest: 2027-03-01", "earliest: 2027-02-22"))
        #expect(p == ["request.yaml:10:15: earliest 2027-02-22 lies outside the horizon 2027-03-01..2027-04-30; move it inside the horizon or leave it out"])
        let q = try problems(variant("latest: 2027-03-31", "latest: 2027-05-03"))
        #expect(q == ["request.yaml:11:13: latest 2027-05-03 lies outside the horizon 2027-03-01..2027-04-30; move it inside the horizon or leave it out"])
    }

    @Test func emptyWindow() throws {
        let p = try problems(variant("earliest: 2027-03-01", "earliest: 2027-04-01"))
        #expect(p == ["request.yaml:11:13: the window is empty: latest 2027-03-31 is before earliest 2027-04-01; swap or correct the dates"])
    }

    @Test func participantsAboveTheModulesMaximum() throws {
        let p = try problems(variant("participants: 10", "participants: 31"))
        #expect(p == ["request.yaml:9:19: 31 participants exceed the 30 that module `joint-3d` allows; lower participants to 30 or split the demand in two"])
    }

    @Test func blackoutWithRegionsAndOrgs() throws {
        let p = try problems(variant("    end: 2027-03-19\n", "    end: 2027-03-19\n    regions: [africa]\n    orgs: [UNCCD]\n"))
        #expect(p == ["request.yaml:30:5: blackout has both `regions` and `orgs`; split it into two blackouts, one with regions and one with orgs"])
    }

    @Test func negativeNumber() throws {
        let p = try problems(variant("cap: 100000", "cap: -5"))
        #expect(p == ["request.yaml:28:10: `cap` is -5; it must be a whole number, 0 or more; correct the number"])
        let q = try problems(variant("participants: 20", "participants: -20"))
        #expect(q == ["request.yaml:15:19: `participants` is -20; it must be a whole number of participants, at least 1; correct the number"])
    }

    @Test func invalidTrainerDoesNotCascadeIntoItsPins() throws {
        // A trainer entry with an invalid field still counts as known: its pin gets no second, misleading error.
        let q = try problems(variant("dayRate: 500", "dayRate: -500"))
        #expect(q.first == "request.yaml:23:14: `dayRate` is -500; it must be a whole number, 0 or more; correct the number")
        #expect(q == ["request.yaml:23:14: `dayRate` is -500; it must be a whole number, 0 or more; correct the number"])
    }

    @Test func unknownPinTrainerHintPointsAtTheStaffList() throws {
        let p = try problems(variant("trainers: [t1]", "trainers: [zz-99]"))
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("request.yaml:34:5: pin names trainer `zz-99`, who is not in `staff`; ") == true)
        #expect(p.first?.contains("catalog") == false, "\(p)")
    }

    @Test func pinNamesADemandTwice() throws {
        let p = try problems(Self.valid + "  - demand: d1\n    start: 2027-03-08\n")
        #expect(p == ["request.yaml:37:5: pin for demand `d1` appears twice (first at request.yaml:34:5); pin each demand at most once"])
    }

    @Test func listGivenAsARelativeFilePath() throws {
        let roster = """
            - id: t1
              name: T One
              org: UNCCD
              home: weog
              languages: [en, fr]
              modules: [joint-3d, online-1d]
              dayRate: 500
            - id: t2
              name: T Two
              org: CBD
              home: africa
              languages: [en]
              modules: [online-1d]
              dayRate: 0

            """
        let staffBlock = """
            staff:
              - id: t1
                name: T One
                org: UNCCD
                home: weog
                languages: [en, fr]
                modules: [joint-3d, online-1d]
                dayRate: 500

            """
        let text = variant(staffBlock, "staff: rosters/staff-2027.yaml\n")
        let dir = try Fixture.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rosters"), withIntermediateDirectories: true)
        try Data(roster.utf8).write(to: dir.appendingPathComponent("rosters/staff-2027.yaml"))
        let path = dir.appendingPathComponent("request.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let r = try PlanRequestLoader.load(path: path, catalog: try Fixture.catalog())
        #expect(r.staff.map(\.id) == ["t1", "t2"])
        #expect(r.staff[1].home == "africa")
        // Problems inside the list file are located in that file.
        try Data(roster.replacingOccurrences(of: "home: africa", with: "home: afrika").utf8)
            .write(to: dir.appendingPathComponent("rosters/staff-2027.yaml"))
        do {
            _ = try PlanRequestLoader.load(path: path, catalog: try Fixture.catalog())
            Issue.record("a roster with an unknown home region loaded")
        } catch RioError.invalidInput(let ds) {
            #expect(
                ds.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
                    == ["rosters/staff-2027.yaml:11:9: unknown home region `afrika`; did you mean `africa`?"])
        }
    }

    @Test func listFileThatDoesNotExist() throws {
        let p = try problems(variant("blackouts:\n  - name: Retreat\n    start: 2027-03-15\n    end: 2027-03-19\n", "blackouts: holidays.yaml\n"))
        #expect(
            p == [
                "request.yaml:29:12: `blackouts` names the file `holidays.yaml`, which does not exist; give a path relative to the request file, or write the list inline"
            ])
    }

    @Test func everyProblemIsReportedTogether() throws {
        let text = variant("module: joint-3d", "module: joint-3e")
            .replacingOccurrences(of: "cap: 100000", with: "cap: -1")
            .replacingOccurrences(of: "  - id: d2", with: "  - id: d1")
        let p = try problems(text)
        #expect(p.count == 3, "\(p)")
        #expect(p.map { $0.prefix(while: { $0 != " " }) } == ["request.yaml:7:13:", "request.yaml:12:5:", "request.yaml:28:10:"])
    }
}
