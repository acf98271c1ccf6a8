import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// One test per validation rule of the importers: the exact `file:row:column: what; what to do`,
/// every problem in one run, nothing recorded.
@Suite struct RecordValidationTests {
    /// The problems of importing `sheet` (CSV text) as tiny/d1's attendance.
    func attendanceProblems(_ f: RecordFixture, _ sheet: String) throws -> (path: String, problems: [String]) {
        let path = try f.write("sheet.csv", sheet)
        let problems = RecordFixture.problems { _ = try f.workspace().recordAttendance([SignInSheet(session: "tiny/d1", file: path)]) }
        return (path, problems)
    }

    @Test func everyRowProblemOfABadSheetInOneRun() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let path = RecordFixture.file("bad.csv")
        let problems = RecordFixture.problems { _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: path)]) }
        #expect(
            problems == [
                "\(path):2:2: unknown country code `KNE`; did you mean `KEN` (Kenya)? Country codes are ISO 3166-1 alpha-3, as in countries.yaml",
                "\(path):3:3: sex `fem` is not one of female, male, other, undisclosed; write one of them",
                "\(path):4:4: organisation `ministry` is not one of government, ngo, academia, iplc, private, youth, intergovernmental, other; write one of them",
                "\(path):5:5: completed `maybe` is not yes or no; write yes or no",
                "\(path):6:6: pre-test score 120 is out of range; write a whole number from 0 to 100, or leave it empty",
                "\(path):7:8: reaction 9 is out of range; write a whole number from 1 to 5, or leave it empty",
                "\(path):8:1: the participant of this row is on row 2 already; remove one of the two rows (a participant is recorded once per session)",
            ])
        #expect(try ws.database().attendanceCount(session: "tiny/d1") == 0)
    }

    @Test func countryWrittenByNameSuggestsItsCode() throws {
        let f = try RecordFixture()
        let (path, problems) = try attendanceProblems(f, "Name,Country,Sex,Organisation,Completed\nAna Zorvelli,Senegal,female,ngo,yes\nBo Quintarro,XYZQ,male,ngo,yes\n")
        #expect(
            problems == [
                "\(path):2:2: unknown country code `Senegal`; did you mean `SEN` (Senegal)? Country codes are ISO 3166-1 alpha-3, as in countries.yaml",
                "\(path):3:2: unknown country code `XYZQ`; write the ISO 3166-1 alpha-3 code of a country in countries.yaml, e.g. KEN for Kenya",
            ])
    }

    @Test func missingRequiredColumnsNameTheAcceptedHeaders() throws {
        let f = try RecordFixture()
        let (path, problems) = try attendanceProblems(f, "Participant,Gender,Completed\nAna Zorvelli,female,yes\n")
        #expect(
            problems == [
                "\(path):1:1: no Country column; add a header named Country (also accepted: ISO3, Country code, ISO, ISO code) to row 1",
                "\(path):1:1: no Organisation column; add a header named Organisation (also accepted: Organization, Org type, Organisation type, Organization type) to row 1",
            ])
    }

    @Test func headerBelowATitleBlockIsFound() throws {
        let f = try RecordFixture(), ws = f.workspace()
        let path = try f.write(
            "titled.csv",
            "Sign-in sheet,tiny/d1\nJoint three-day workshop,Dakar\n\nName,Country,Sex,Organisation,Completed\nAna Zorvelli,KEN,female,ngo,yes\nBo Quintarro,SN,male,ngo,yes\n"
        )
        #expect(
            RecordFixture.problems { _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: path)]) } == [
                "\(path):6:2: unknown country code `SN`; did you mean `SEN` (Senegal)? Country codes are ISO 3166-1 alpha-3, as in countries.yaml"
            ])
        let missing = try f.write("titled2.csv", "Sign-in sheet,tiny/d1\nName,Country,Sex,Completed\nAna Zorvelli,KEN,female,yes\n")
        #expect(
            RecordFixture.problems { _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: missing)]) } == [
                "\(missing):2:1: no Organisation column; add a header named Organisation (also accepted: Organization, Org type, Organisation type, Organization type) to row 2"
            ])
    }

    @Test func emptyRequiredCellsScoresAndFocalPoints() throws {
        let f = try RecordFixture()
        let (path, problems) = try attendanceProblems(
            f, "Name,Country,Sex,Org type,Completed,Post-test,Focal point\n,KEN,female,ngo,yes,7.5,\nBo Quintarro,KEN,male,ngo,,abc,CBD;UNEP\n")
        #expect(
            problems == [
                "\(path):2:1: no participant name or id; fill in the Participant cell, or delete the row",
                "\(path):2:6: post-test score 7.5 is out of range; write a whole number from 0 to 100, or leave it empty",
                "\(path):3:5: no completed; fill in the Completed cell, or delete the row",
                "\(path):3:6: post-test score `abc` is not a number; write a whole number from 0 to 100, or leave it empty",
                "\(path):3:7: focal point `UNEP` is not a convention; write the ids of the conventions the person is national focal point for, separated by commas: UNCCD, CBD, UNFCCC",
            ])
    }

    @Test func sessionInNoRecordedPlan() throws {
        let f = try RecordFixture()
        #expect(
            RecordFixture.problems { _ = try f.workspace().recordAttendance([SignInSheet(session: "tiny/d9", file: RecordFixture.file("d1.csv"))]) } == [
                "session `tiny/d9` is not in any recorded plan; did you mean `tiny/d1`? (sessions of tiny: tiny/d1, tiny/d2, tiny/d3, tiny/d4, tiny/d5)"
            ])
        let path = try f.write("o.yaml", "outcomes:\n  - {country: KEN, sessions: [tiny/d1, other/x1], kind: law, description: A law, date: 2027-13-01}\n")
        #expect(
            RecordFixture.problems { _ = try f.workspace().recordOutcomes(file: path) } == [
                "\(path):2:40: session `other/x1` is not in any recorded plan; use a session id of a recorded plan (recorded sessions: tiny/d1, tiny/d2, tiny/d3, tiny/d4, tiny/d5)",
                "\(path):2:57: kind `law` is not an outcome kind; write one of policy, institutional, project, reporting, other",
                "\(path):2:88: `date` of an outcome is not a date: `2027-13-01`; write a real calendar date as YYYY-MM-DD, e.g. 2027-03-01",
            ])
    }

    @Test func followUpOfSomeoneNotAttendingAndDuplicates() throws {
        let f = try RecordFixture(), ws = f.workspace()
        _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))])
        let path = try f.write(
            "f.csv",
            "Session,Participant,Applied,Date\ntiny/d1,Ana Zorvelli,yes,2027-09-01\ntiny/d1,Xo Brindavel,yes,2027-09-01\ntiny/d1,Ana Zorvelli,no,2027-09-02\ntiny/d8,Bo Quintarro,perhaps,1/9/2027\n"
        )
        #expect(
            RecordFixture.problems { _ = try ws.recordFollowUps(file: path) } == [
                "\(path):3:2: no attendance of this participant is recorded for session `tiny/d1`; import the session's sign-in sheet first, or correct the participant",
                "\(path):4:2: the follow-up of this participant is on row 2 already; remove one of the two rows (one follow-up per participant and session)",
                "\(path):5:1: session `tiny/d8` is not in any recorded plan; did you mean `tiny/d1`? (sessions of tiny: tiny/d1, tiny/d2, tiny/d3, tiny/d4, tiny/d5)",
                "\(path):5:3: applied `perhaps` is not yes or no; write yes or no",
                "\(path):5:4: date `1/9/2027` is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01",
            ])
        #expect(try ws.outcomes().total.followedUp == 0)
    }

    @Test func outcomeSheetRows() throws {
        let f = try RecordFixture()
        let path = try f.write("o.csv", "Country,Session,Type,Description,Date\nKEN,tiny/d1,law,,2027-01-01\n")
        #expect(
            RecordFixture.problems { _ = try f.workspace().recordOutcomes(file: path) } == [
                "\(path):2:3: kind `law` is not one of policy, institutional, project, reporting, other; write one of them",
                "\(path):2:4: no description; fill in the Description cell, or delete the row",
            ])
    }
}
