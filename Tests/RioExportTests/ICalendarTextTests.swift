import Foundation
import Testing

@testable import RioExport

@Suite("iCalendar text: escaping and folding")
struct ICalendarTextTests {
    /// Physical lines of a folded output, without their CRLF.
    func physicalLines(_ folded: String) -> [String] {
        var lines = folded.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        lines.removeLast()
        return lines
    }

    @Test func escapesBackslashFirstThenSeparatorsAndNewlines() {
        #expect(ICalendarText.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarText.escape("one\r\ntwo\rthree\nfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarText.escape("colon: and \"quote\"") == "colon: and \"quote\"")
        #expect(ICalendarText.escape("bell\u{07}tab\there") == "belltab here")
    }

    @Test func hostileTitleStaysOneProperty() {
        let value = ICalendarText.escape("Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x")
        #expect(!value.contains("\r") && !value.contains("\n"))
        let folded = ICalendarText.folded("SUMMARY:" + value)
        for line in physicalLines(folded).dropFirst() { #expect(line.hasPrefix(" ")) }
    }

    @Test func shortLineIsUnchanged() {
        #expect(ICalendarText.folded("VERSION:2.0") == "VERSION:2.0\r\n")
    }

    @Test func foldsAt75OctetsWithContinuationSpace() {
        let line = "DESCRIPTION:" + String(repeating: "x", count: 200)
        let lines = physicalLines(ICalendarText.folded(line))
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines[0].utf8.count == 75)
        #expect(lines[1].utf8.count == 75 && lines[1].hasPrefix(" "))
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    }

    @Test(arguments: [1, 2, 3, 4])
    func neverSplitsMultiByteCharacters(prefixLength: Int) {
        // Place 2-, 3- and 4-byte characters across every position of the 75-octet boundary.
        for ch in ["é", "€", "😀"] {
            let line = "SUMMARY:" + String(repeating: "a", count: 60 + prefixLength) + String(repeating: ch, count: 40)
            let folded = ICalendarText.folded(line)
            let lines = physicalLines(folded)
            #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(ch)")
            // Every physical line is valid UTF-8 on its own: no character was cut.
            for l in lines {
                #expect(String(validatingUTF8: Array(l.utf8CString)) == l)
                #expect(!l.contains("\u{FFFD}"))
            }
            let unfolded = folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "")
            #expect(unfolded == line)
        }
    }

    @Test func neverSplitsAnEscapePair() {
        // `\,` pairs placed across the boundary at every offset stay on one line.
        for pad in 60...76 {
            let value = String(repeating: "a", count: pad) + ICalendarText.escape(",,,,,,,,,,;;;;;\n\n\n")
            let lines = physicalLines(ICalendarText.folded("X:" + value))
            for l in lines {
                #expect(l.utf8.count <= 75)
                // A line never ends in an odd number of backslashes (an escape cut in two).
                let trailing = l.reversed().prefix { $0 == "\\" }.count
                #expect(trailing % 2 == 0, "pad \(pad): \(l)")
            }
        }
    }

    @Test func parameterValuesAreQuotedWithoutQuotes() {
        #expect(ICalendarText.quotedParameter("Dupont, Jean; \"JLG\": sec") == "\"Dupont, Jean; JLG: sec\"")
    }

    @Test func utcStampAndParsing() throws {
        let d = try #require(ICalendar.parseStamp("2027-01-04T09:05:07Z"))
        #expect(ICalendar.utcStamp(d) == "20270104T090507Z")
        #expect(ICalendar.parseStamp("20270104T090507Z") == d)
        #expect(ICalendar.utcStamp(try #require(ICalendar.parseStamp("2027-01-04"))) == "20270104T000000Z")
        #expect(ICalendar.parseStamp("2027-13-04") == nil)
        #expect(ICalendar.parseStamp("yesterday") == nil)
        #expect(ICalendar.parseStamp("2027-01-04T25:00:00Z") == nil)
    }
}
