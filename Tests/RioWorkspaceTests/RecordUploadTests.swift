import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// Sign-in sheets and outcomes uploaded on the platform: the `rioplan record` checks, limited
/// to the sender's region, and nothing about another region's sessions ever shown.
@Suite struct RecordUploadTests {
    static let africa = Principal(name: "Awa", role: .region("africa"))
    static let weog = Principal(name: "Wim", role: .region("weog"))
    static let coordinator = Principal(name: "Cora", role: .coordinator)

    static func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: RecordFixture.file(name))) }

    /// The message of a `RioError.notFound`, else the error.
    static func notFound(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch RioError.notFound(let m) {
            return m
        } catch {
            return "\(error)"
        }
    }

    @Test func officeRecordsItsOwnSessionLikeTheCommandLine() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let r = try ws.uploadAttendance(session: "tiny/d1", sheet: try Self.bytes("d1.csv"), fileName: "/tmp/x/d1.csv", by: Self.africa)
        #expect(r.line == "recorded 4 attendance rows for tiny/d1")
        let again = try f.workspace().uploadAttendance(session: "tiny/d1", sheet: try Self.bytes("d1.csv"), fileName: "d1.csv", by: Self.coordinator)
        #expect(again.line == "recorded 0 attendance rows for tiny/d1 (4 already recorded, left as they were)")
        #expect(try ws.database().attendanceCount(session: "tiny/d1") == 4)
    }

    @Test func anotherRegionsSessionIsNotFoundAndNotDescribed() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let other = Self.notFound { _ = try ws.uploadAttendance(session: "tiny/d4", sheet: try Self.bytes("d4.csv"), fileName: "d4.csv", by: Self.africa) }
        let none = Self.notFound { _ = try ws.uploadAttendance(session: "tiny/zz", sheet: try Self.bytes("d4.csv"), fileName: "d4.csv", by: Self.africa) }
        #expect(other == "no session `tiny/d4` of africa to record; pick one from the list of sessions you may record")
        #expect(none == "no session `tiny/zz` of africa to record; pick one from the list of sessions you may record")
        #expect(try ws.database().attendanceCount(session: "tiny/d4") == 0)
        #expect(try ws.uploadAttendance(session: "tiny/d4", sheet: try Self.bytes("d4.csv"), fileName: "d4.csv", by: Self.weog).count.added == 3)
    }

    @Test func sessionsVisibleAreTheRegionsInPlanOrder() throws {
        let f = try RecordFixture(), ws = f.workspace()
        #expect(try ws.sessionsVisible(to: Self.africa, plan: "tiny") == ["tiny/d1", "tiny/d2", "tiny/d5"])
        #expect(try ws.sessionsVisible(to: Self.weog, plan: "tiny") == ["tiny/d4", "tiny/d3"])
        #expect(try ws.sessionsVisible(to: Self.coordinator, plan: "tiny") == ["tiny/d1", "tiny/d4", "tiny/d2", "tiny/d3", "tiny/d5"])
        #expect(Self.notFound { _ = try ws.sessionsVisible(to: Self.africa, plan: "nope") } == "no recorded plan `nope`; the coordinator records it with `rioplan plan`")
        for role in [AccessRole.finance, .viewer] {
            #expect(throws: RioError.self) { try ws.sessionsVisible(to: Principal(name: "F", role: role), plan: "tiny") }
            #expect(throws: RioError.self) {
                try ws.uploadAttendance(session: "tiny/d1", sheet: try Self.bytes("d1.csv"), fileName: "d1.csv", by: Principal(name: "F", role: role))
            }
        }
    }

    @Test func badSheetIsRefusedWholeWithoutANameInAnyMessage() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let problems = RecordFixture.problems {
            _ = try ws.uploadAttendance(session: "tiny/d1", sheet: try Self.bytes("bad.csv"), fileName: "sign-in.csv", by: Self.africa)
        }
        #expect(problems.count >= 7 && problems.allSatisfy { $0.hasPrefix("sign-in.csv:") })
        for name in RecordFixture.names { #expect(!problems.joined().contains(name)) }
        #expect(try ws.database().attendanceCount(session: "tiny/d1") == 0)
        let garbage = RecordFixture.problems {
            _ = try ws.uploadAttendance(session: "tiny/d1", sheet: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), fileName: "s.csv", by: Self.africa)
        }
        #expect(garbage.count == 1 && garbage[0].hasPrefix("s.csv:"))
    }

    @Test func outcomesNameOwnRegionsSessionsOnly() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let yaml = try Self.bytes("outcomes.yaml")
        let problems = RecordFixture.problems { _ = try ws.uploadOutcomes(sheet: yaml, fileName: "outcomes.yaml", by: Self.weog) }
        #expect(
            problems == [
                "outcomes.yaml:2:31: session `tiny/d1` is not in any recorded plan; did you mean `tiny/d3`? (sessions of tiny: tiny/d3, tiny/d4)",
                "outcomes.yaml:4:31: session `tiny/d1` is not in any recorded plan; did you mean `tiny/d3`? (sessions of tiny: tiny/d3, tiny/d4)",
                "outcomes.yaml:4:40: session `tiny/d5` is not in any recorded plan; did you mean `tiny/d3`? (sessions of tiny: tiny/d3, tiny/d4)",
            ])
        let africaOnly = Data("Country,Sessions,Kind,Description,Date\nKEN,tiny/d1 tiny/d5,policy,Targets adopted,2027-11-15\n".utf8)
        #expect(try ws.uploadOutcomes(sheet: africaOnly, fileName: "o.csv", by: Self.africa).count.added == 1)
        #expect(try ws.uploadOutcomes(sheet: yaml, fileName: "outcomes.yaml", by: Self.coordinator).count.added == 3)
    }
}
