import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// Importing sign-in sheets, follow-ups, outcomes and deliveries: what is recorded, and that
/// the same sheet twice records nothing new.
@Suite struct RecordImportTests {
    @Test func signInSheetIsRecordedOnceOnly() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let first = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        #expect(first.count == ImportCount(added: 4, unchanged: 0, removed: 0))
        #expect(first.line == "recorded 4 attendance rows for tiny/d1")
        let again = try f.workspace().recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        #expect(again.count == ImportCount(added: 0, unchanged: 4, removed: 0))
        #expect(again.line == "recorded 0 attendance rows for tiny/d1 (4 already recorded, left as they were)")
        #expect(try ws.database().attendanceCount(session: "tiny/d1") == 4)
    }

    @Test func participantsAreMatchedRegardlessOfCaseAndSpacing() throws {
        let f = try RecordFixture(), ws = f.workspace()
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d5", file: RecordFixture.file("d5.csv"))])
        let other = try f.write("d5b.csv", "Name,Country,Sex,Organisation,Completed\n  ANA   zorvelli ,KEN,female,government,yes\n")
        #expect(try ws.recordAttendance([SignInSheet(session: "tiny/d5", file: other)]).count == ImportCount(added: 0, unchanged: 1))
        let follow = try f.write("f.csv", "Session,Participant,Applied,Date\ntiny/d5,hu  pelvantor,no,2027-09-01\n")
        #expect(try ws.recordFollowUps(file: follow).count.added == 1)
        #expect(try ws.outcomes().total.followedUp == 1)
    }

    @Test func listFileNamesSheetsRelativeToIt() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try FileManager.default.copyItem(atPath: RecordFixture.file("d4.csv"), toPath: f.dir.appendingPathComponent("d4.csv").path)
        let list = try f.write("pairs.txt", "# sheets\ntiny/d4 d4.csv\n\ntiny/d5 \(RecordFixture.file("d5.csv"))\n")
        let sheets = try SignInSheet.list(list)
        #expect(
            sheets == [
                SignInSheet(session: "tiny/d4", file: f.dir.appendingPathComponent("d4.csv").path), SignInSheet(session: "tiny/d5", file: RecordFixture.file("d5.csv")),
            ])
        #expect(try ws.recordAttendance(sheets).line == "recorded 5 attendance rows for 2 sessions")
        let bad = try f.write("bad.txt", "tiny/d4\n")
        #expect(RecordFixture.problems { _ = try SignInSheet.list(bad) } == ["\(bad):1:1: not a `SESSION FILE` line; write a session id, a space and the sheet's path"])
    }

    @Test func replaceReplacesTheSessionsAttendance() throws {
        let f = try RecordFixture(), ws = f.workspace()
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        let short = try f.write("short.csv", "Name,Country,Sex,Organisation,Completed\nAna Zorvelli,KEN,female,government,no\n")
        let r = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: short)], replace: true)
        #expect(r.count == ImportCount(added: 1, unchanged: 0, removed: 4))
        #expect(try ws.database().attendanceCount(session: "tiny/d1") == 1)
        #expect(try ws.outcomes().total.completionRate == 0)
    }

    @Test func pseudonymiseStoresAKeyedHash() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let r = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))], pseudonymise: true)
        #expect(r.line == "recorded 4 attendance rows for tiny/d1 (names stored as keyed hashes)")
        let db = try ws.database()
        let stored = try db.participants(of: ["tiny/d1"])["tiny/d1"] ?? []
        #expect(stored.count == 4 && stored.allSatisfy { $0.hasPrefix("h:") && $0.count == 66 })
        let secret = try #require(try db.existingRecordSecret())
        #expect(stored.contains(KeyedHash(key: secret).hex("ana  ZORVELLI")))
        // The same sheet again, pseudonymised: recognised. Follow-ups find hashed participants.
        let again = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))], pseudonymise: true)
        #expect(again.count.added == 0 && again.count.unchanged == 4)
        let follow = try f.write("f.csv", "Session,Participant,Applied,Date\ntiny/d1,Ana Zorvelli,yes,2027-09-01\n")
        #expect(try ws.recordFollowUps(file: follow).count.added == 1)
    }

    @Test func followUpsAndOutcomesAreRecordedOnce() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        #expect(try ws.recordFollowUps(file: RecordFixture.file("followup.csv")).count == ImportCount(added: 0, unchanged: 3))
        let o = try ws.recordOutcomes(file: RecordFixture.file("outcomes.yaml"))
        #expect(o.count == ImportCount(added: 0, unchanged: 3))
        #expect(o.line == "recorded 0 outcomes for 3 sessions (3 already recorded, left as they were)")
        let csv = try f.write("o.csv", "Country,Sessions,Kind,Description,Date\nKEN,tiny/d1;tiny/d4,project,GEF project prepared,2028-01-10\n")
        #expect(try ws.recordOutcomes(file: csv).count.added == 1)
        #expect(try ws.outcomes().total.outcomes.total == 4)
    }

    @Test func deliveryDefaultsAsPlannedAndRefusesBadChanges() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let d = try ws.recordDelivery(session: "tiny/d1", DeliveryChange(start: Day(iso: "2027-03-02")))
        #expect(d.start.iso == "2027-03-02" && d.end.iso == "2027-03-04" && d.venue == "dakar" && d.language == "en")
        let online = try ws.recordDelivery(session: "tiny/d1", DeliveryChange(venue: "online", cash: 900))
        #expect(online.venue == nil && online.start.iso == "2027-03-01" && online.cash == 900)
        #expect(throws: RioError.self) { try ws.recordDelivery(session: "tiny/d1", DeliveryChange(status: .cancelled)) }
        #expect(throws: RioError.self) { try ws.recordDelivery(session: "tiny/d1", DeliveryChange(venue: "dakr")) }
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        #expect(throws: RioError.self) { try ws.recordDelivery(session: "tiny/d1", DeliveryChange(status: .cancelled, reason: "storm")) }
        try ws.recordDelivery(session: "tiny/d2", DeliveryChange(status: .cancelled, reason: "no platform"))
        #expect(throws: RioError.self) {
            _ = try ws.recordAttendance([SignInSheet(session: "tiny/d2", file: RecordFixture.file("d5.csv"))])
        }
    }

    @Test func newPlanVersionsFillTheSessionTable() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let db = try ws.database()
        let json = try String(contentsOfFile: RecordFixture.tinyPlan, encoding: .utf8)
        let plan = try PlanFile.read(RecordFixture.tinyPlan)
        try db.recordPlanRun(name: "tiny", requestSha256: "r", catalogSha256: "c", score: plan.score, planJSON: json)
        let latest = try #require(try db.latestSession("tiny/d4"))
        let v2 = try #require(try db.latestPlanRun(name: "tiny"))
        #expect(latest.planRunId == v2.id && latest.module == "pair-2d" && latest.conventionIDs == ["UNCCD", "UNFCCC"] && latest.days == 2)
        #expect(try db.sessions(ofRun: try #require(v2.id)).map(\.session) == ["tiny/d1", "tiny/d4", "tiny/d2", "tiny/d3", "tiny/d5"])
        // A version whose plan file is not JSON is still recorded, with no sessions.
        try db.recordPlanRun(name: "tiny", requestSha256: "r", catalogSha256: "c", score: plan.score, planJSON: "{not json")
        #expect(try db.latestSession("tiny/d4")?.planRunId == v2.id)
    }
}
