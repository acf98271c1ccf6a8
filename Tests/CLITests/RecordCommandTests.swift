import Foundation
import RioModel
import Testing

/// `rioplan record`, `outcomes` and `delivered` end to end: the built binary on the tiny plan
/// (planned with the records catalog) and the record fixtures, exact outputs compared.
@Suite("Exact output of record, outcomes and delivered")
struct RecordCommandTests {
    static let fixtures = Rioplan.root.appendingPathComponent("Tests/Fixtures/records")
    static let catalog = fixtures.appendingPathComponent("catalog").path
    static let names = ["Ana Zorvelli", "Bo Quintarro", "Cy Marduvek", "Di Olventra", "Eli Varnosk", "Fa Tembrulo", "Gu Helmarik", "Hu Pelvantor"]

    /// A scratch folder with the tiny request planned and recorded as tiny@1; every run's output is kept.
    final class Scratch {
        let dir: URL
        var db: String { dir.appendingPathComponent("ws.sqlite").path }
        var outputs: [String] = []

        init() throws {
            dir = try Rioplan.tempDir("rioplan-records")
            try FileManager.default.copyItem(at: Golden.tiny.appendingPathComponent("request.yaml"), to: dir.appendingPathComponent("request.yaml"))
            let r = try run(["plan", "request.yaml", "--iterations", "200", "--seed", "1", "--out", "tiny.plan.json"])
            guard r.status == 0 else { throw RioError.data("planning the fixture failed: \(r.stderr)") }
        }

        /// Runs `rioplan args --catalog <records catalog>` with the scratch database.
        @discardableResult
        func run(_ args: [String]) throws -> RunResult {
            let r = try Rioplan.run(args + ["--catalog", RecordCommandTests.catalog], cwd: dir, env: ["RIOPLAN_DB": db])
            outputs += [r.stdout, r.stderr]
            return r
        }

        func fixture(_ name: String) -> String { RecordCommandTests.fixtures.appendingPathComponent(name).path }

        /// Records every fixture through the command line.
        func recordAll() throws {
            try run(["record", "delivery", "tiny/d4", "--cash", "16000"])
            try run(["record", "delivery", "tiny/d2", "--status", "cancelled", "--reason", "no platform"])
            try run(["record", "delivery", "tiny/d5", "--start", "2027-03-10", "--end", "2027-03-12"])
            try run(["record", "attendance", "tiny/d1", fixture("d1.csv"), "tiny/d4", fixture("d4.csv"), "tiny/d5", fixture("d5.csv")])
            try run(["record", "followup", fixture("followup.csv")])
            try run(["record", "outcomes", fixture("outcomes.yaml")])
        }
    }

    func expectExactly(_ r: RunResult, status: Int32, stdout: String, stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "exit \(r.status); stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout == stdout, "stdout was:\n\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, "stderr was:\n\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func recordCommandsPrintCounts() throws {
        let s = try Scratch()
        expectExactly(
            try s.run(["record", "delivery", "tiny/d4", "--cash", "16000"]), status: 0,
            stdout: "recorded tiny/d4 as delivered: 2027-03-01..2027-03-02, bonn, fr, cash 16,000\n")
        expectExactly(
            try s.run(["record", "delivery", "tiny/d2", "--status", "cancelled", "--reason", "no platform"]), status: 0,
            stdout: "recorded tiny/d2 as cancelled: 2027-03-08..2027-03-08, online, en (no platform)\n")
        expectExactly(try s.run(["record", "attendance", "tiny/d1", s.fixture("d1.csv")]), status: 0, stdout: "recorded 4 attendance rows for tiny/d1\n")
        expectExactly(
            try s.run(["record", "attendance", "tiny/d1", s.fixture("d1.csv")]), status: 0,
            stdout: "recorded 0 attendance rows for tiny/d1 (4 already recorded, left as they were)\n")
        expectExactly(
            try s.run(["record", "attendance", "tiny/d1", s.fixture("d5.csv"), "--replace"]), status: 0,
            stdout: "recorded 2 attendance rows for tiny/d1 (4 earlier rows replaced)\n")
        expectExactly(try s.run(["record", "outcomes", s.fixture("outcomes.yaml")]), status: 0, stdout: "recorded 3 outcomes for 3 sessions\n")
    }

    @Test func badSheetIsRefusedWithEveryProblem() throws {
        let s = try Scratch()
        let bad = s.fixture("bad.csv")
        expectExactly(
            try s.run(["record", "attendance", "tiny/d1", bad]), status: 65, stdout: "",
            stderr: """
                error: \(bad):2:2: unknown country code `KNE`; did you mean `KEN` (Kenya)? Country codes are ISO 3166-1 alpha-3, as in countries.yaml
                error: \(bad):3:3: sex `fem` is not one of female, male, other, undisclosed; write one of them
                error: \(bad):4:4: organisation `ministry` is not one of government, ngo, academia, iplc, private, youth, intergovernmental, other; write one of them
                error: \(bad):5:5: completed `maybe` is not yes or no; write yes or no
                error: \(bad):6:6: pre-test score 120 is out of range; write a whole number from 0 to 100, or leave it empty
                error: \(bad):7:8: reaction 9 is out of range; write a whole number from 1 to 5, or leave it empty
                error: \(bad):8:1: the participant of this row is on row 2 already; remove one of the two rows (a participant is recorded once per session)
                error: 7 problems found.

                """)
        expectExactly(
            try s.run(["record", "attendance", "tiny/d7", s.fixture("d1.csv")]), status: 65, stdout: "",
            stderr:
                "error: session `tiny/d7` is not in any recorded plan; did you mean `tiny/d1`? (sessions of tiny: tiny/d1, tiny/d2, tiny/d3, tiny/d4, tiny/d5)\n")
        #expect(try s.run(["record", "attendance", "tiny/d1", "missing.csv"]).status == 66)
        #expect(try s.run(["record", "attendance", "tiny/d1"]).status == 64)
        #expect(try s.run(["outcomes", "--format", "csv"]).stdout.contains("total,5,0,0,0,0,"))
    }

    @Test func outcomesTableByConvention() throws {
        let s = try Scratch()
        try s.recordAll()
        expectExactly(
            try s.run(["outcomes", "--plan", "tiny", "--by", "convention"]), status: 0,
            stdout: """
                Indicators of tiny@1 by convention

                Convention  Planned  Delivered  Cancelled  Participants  Part.-days  Women  Countries  LDC    SIDS   Completed  Gain   Applied  Outcomes  Cash/part.-day
                UNCCD       3        3          0          9             24          50.0%  5          33.3%  22.2%  77.8%      +16.5  66.7%    3         1,473
                CBD         3        1          1          4             12          66.7%  3          50.0%  25.0%  75.0%      +20.0  50.0%    2         925
                UNFCCC      2        2          0          7             18          50.0%  5          28.6%  28.6%  71.4%      +16.5  66.7%    3         1,506
                total       5        3          1          9             24          50.0%  5          33.3%  22.2%  77.8%      +16.5  66.7%    3         1,473

                Outcomes by kind:
                        Policy  Institutional  Project  Reporting  Other
                UNCCD   1       1              0        1          0
                CBD     1       1              0        0          0
                UNFCCC  1       1              0        1          0
                total   1       1              0        1          0

                Delivered sessions under 40% women (UNCCD Gender Action Plan: parity by 2030):
                Session  Region  Module   Women   Share
                tiny/d4  weog    pair-2d  1 of 3  33.3%

                """)
    }

    @Test func outcomesCSVByRegionAndJSON() throws {
        let s = try Scratch()
        try s.recordAll()
        expectExactly(
            try s.run(["outcomes", "--by", "region", "--format", "csv"]), status: 0,
            stdout: [
                "region,planned,delivered,cancelled,participants,participantDays,women,disclosed,womenShare,countries,ldcShare,sidsShare,completionRate,learningGain,followedUp,applicationRate,outcomes,policy,institutional,project,reporting,other,cashPerParticipantDay",
                "africa,3,2,1,6,18,3,5,0.6000,3,0.5000,0.1667,0.8333,20.0000,2,0.5000,2,1,1,0,0,0,1075.0000",
                "weog,2,1,0,3,6,1,3,0.3333,2,0.0000,0.3333,0.6667,13.0000,1,1.0000,1,0,0,0,1,0,2666.6667",
                "total,5,3,1,9,24,4,8,0.5000,5,0.3333,0.2222,0.7778,16.5000,3,0.6667,3,1,1,0,1,0,1472.9167", "",
            ].joined(separator: "\r\n"))
        let json = try s.run(["outcomes", "--by", "module", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["groups"] as? [[String: Any]])?.compactMap { $0["group"] as? String } == ["joint-3d", "online-1d", "pair-2d", "advanced"])
        #expect(object?["by"] as? String == "module")
    }

    @Test func deliveredFileAndPrivacyOfEveryOutput() throws {
        let s = try Scratch()
        try s.recordAll()
        expectExactly(
            try s.run(["delivered", "--plan", "tiny", "--out", "delivered.yaml"]), status: 0, stdout: "",
            stderr: "wrote delivered.yaml: 3 delivered module-region pairs from tiny@1\n")
        let yaml = try String(contentsOf: s.dir.appendingPathComponent("delivered.yaml"), encoding: .utf8)
        #expect(yaml.hasSuffix("- {module: joint-3d, region: africa}\n- {module: pair-2d, region: weog}\n- {module: advanced, region: africa}\n"))
        for by in ["region", "convention", "theme", "country", "module"] {
            for format in ["table", "csv", "json"] { try s.run(["outcomes", "--by", by, "--format", format]) }
        }
        try s.run(["record", "attendance", "tiny/d1", s.fixture("bad.csv")])
        let text = (s.outputs + [yaml]).joined(separator: "\n").lowercased()
        for name in RecordCommandTests.names {
            for part in [name, String(name.split(separator: " ").last ?? "")] { #expect(!text.contains(part.lowercased()), "\(part) in an output") }
        }
        #expect(!text.contains("ana@example.org"))
    }
}
