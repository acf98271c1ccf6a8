import Foundation
import RioModel
import Testing

@testable import RioExport

/// The pub-m benchmark plan beside the package (`../shared/benchmarks/pub-m`).
enum Benchmark {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var pubM: String { root.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/pub-m/ref.json").path }
}

@Suite("iCalendar events from a plan, with history")
struct ICalendarHistoryTests {
    let stamp = Date(timeIntervalSince1970: 1_798_790_400)  // 2027-01-01T08:00:00Z

    @Test func sequenceAndCancelledSessionsComeFromHistory() throws {
        let context = try ExportContext.load(planPath: Benchmark.pubM)
        let first = try #require(context.plan.sessions.first)
        var gone = first
        gone.id = "pub-m/d-9999"
        let history = ICalendar.History(sequence: [first.id: 2, gone.id: 1], cancelled: [gone])
        let text = String(decoding: ICalendar(context: context, stamp: stamp, history: history).render(), as: UTF8.self)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        let events = unfolded.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst()
        #expect(events.count == context.plan.sessions.count + 1)
        let moved = try #require(events.first { $0.hasPrefix("UID:\(first.id)@rioplan\r\n") })
        #expect(moved.contains("SEQUENCE:2\r\n") && moved.contains("STATUS:CONFIRMED\r\n"))
        let cancelled = try #require(events.first { $0.hasPrefix("UID:pub-m/d-9999@rioplan\r\n") })
        #expect(cancelled.contains("STATUS:CANCELLED\r\n") && cancelled.contains("SEQUENCE:1\r\n"))
        #expect(unfolded.contains("DTSTAMP:20270101T080000Z\r\n"))
    }

    @Test func dtendIsTheDayAfterTheLastDay() throws {
        let context = try ExportContext.load(planPath: Benchmark.pubM)
        let text = String(decoding: ICalendar(context: context, stamp: stamp).render(), as: UTF8.self)
        for s in context.plan.sessions {
            let end = try #require(s.endDay).adding(days: 1).iso.replacingOccurrences(of: "-", with: "")
            let start = s.start.replacingOccurrences(of: "-", with: "")
            #expect(
                text.contains(
                    "UID:\(s.id)@rioplan\r\nDTSTAMP:20270101T080000Z\r\nLAST-MODIFIED:20270101T080000Z\r\nDTSTART;VALUE=DATE:\(start)\r\nDTEND;VALUE=DATE:\(end)\r\n"))
        }
    }

    @Test func cofinancingFiguresAddUpToThePlan() throws {
        let context = try ExportContext.load(planPath: Benchmark.pubM)
        let f = Cofinancing(context)
        #expect(f.sources.reduce(0) { $0 + $1.allocated } == context.plan.score.cash)
        #expect(f.conventions.reduce(0) { $0 + $1.attributedCash } == context.plan.score.cash)
        #expect(f.conventions.reduce(0) { $0 + $1.attributedInKind } == context.plan.score.inKind)
        #expect(f.inKind.reduce(0) { $0 + $1.inKind } == context.plan.score.inKind)
        #expect(f.conventions.map(\.id) == ["UNCCD", "CBD", "UNFCCC"])
        #expect(f.inKind.map(\.organisation) == f.inKind.map(\.organisation).sorted())
    }
}
