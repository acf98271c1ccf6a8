import Foundation
import RioModel
import RioStore
import Testing

@testable import RioWorkspace

/// No participant name (or stored id) in any output: indicators in every grouping and format,
/// the delivered list, the monitoring summary, what a country received, import lines and
/// diagnostics.
@Suite struct RecordPrivacyTests {
    @Test func noOutputHoldsAParticipant() throws {
        let f = try RecordFixture(), ws = f.workspace()
        try f.recordAll(ws)
        var outputs: [String] = []
        for by in [nil] + IndicatorGrouping.allCases.map(Optional.some) {
            let i = try ws.outcomes(by: by)
            outputs += [i.table(), i.csv(), try TextTable.json(i)]
        }
        outputs.append(try ws.delivered().yaml())
        outputs.append(try TextTable.json(try ws.monitoringSummary(plan: "tiny")))
        for c in ["KEN", "SEN", "HTI", "DEU", "FJI"] { outputs.append(try TextTable.json(try ws.countryReceived(code: c))) }
        outputs.append(try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("d1.csv"))]).line)
        outputs += RecordFixture.problems { _ = try ws.recordAttendance([SignInSheet(session: "tiny/d1", file: RecordFixture.file("bad.csv"))]) }
        let text = outputs.joined(separator: "\n").lowercased()
        for name in RecordFixture.names {
            // The full name and the (made-up, unmistakable) surname; first names are short syllables
            // that occur inside ordinary words ("eli" in "delivered").
            for part in [name, String(name.split(separator: " ").last ?? "")] { #expect(!text.contains(part.lowercased()), "\(part) in an output") }
        }
        #expect(!text.contains("ana@example.org"))
        #expect(!text.contains("drafted the national"))
    }
}
