import Foundation
import RioModel
import Testing

@testable import RioWorkspace

/// `asks`: what more money would buy, each line checked by re-planning.
@Suite struct FundingAsksTests {
    /// The fixture with the one source capped at 30,000: the best plan takes d1, d2, d3 and d4
    /// (cash 11,100 + 450 + 300 + 17,040 = 28,890, value 12 + 3 + 3 + 4 = 22) and leaves d5
    /// (cash 8,250, value 3) out with 1,110 left: 7,140 more on `core` admits it.
    static func tightWorkspace() throws -> (WorkspaceFixture, PlannedRequest) {
        let f = try WorkspaceFixture()
        let yaml = WorkspaceFixture.requestYAML.replacingOccurrences(of: "cap: 1000000", with: "cap: 30000")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: f.request))
        return (f, try f.plan(record: false))
    }

    @Test func theShortfallIsAskedForAndConfirmedByReplanning() throws {
        let (f, planned) = try Self.tightWorkspace()
        #expect(planned.run.plan.score.value == 22)
        let ws = f.workspace()
        let asks = try ws.asks(try ws.context(PlanReference(planned.path)), lines: 3, search: WorkspaceFixture.search)
        #expect(asks.lines.count == 1)
        let line = try #require(asks.lines.first)
        #expect([line.demand, line.raised] == ["d5", "core"])
        #expect(line.amount == 7_140 && line.value == 3)
        #expect(line.confirmed && line.planValue == 25 && line.cumulativeValue == 3 && line.cumulativeMoney == 7_140)
        let margin = try #require(asks.margins.first)
        #expect(margin.source == "core" && margin.value == 3 && margin.added == ["d5"])
        #expect(asks.text.contains("  1. +7,140 USD on core → d5 (value +3): re-planned value 25 (+3 for +7,140 in all)\n"))
    }

    @Test func theWorkbookCarriesTheSameTable() throws {
        let (f, planned) = try Self.tightWorkspace()
        let ws = f.workspace()
        let (_, sheet) = try ws.cofinancing(try ws.context(PlanReference(planned.path)), csv: false, asks: 3, search: WorkspaceFixture.search)
        let table = try #require(sheet.asks)
        #expect(table.lines.map(\.demand) == ["d5"] && table.lines.first?.amount == 7_140)
        #expect(sheet.workbook().sheets.map(\.name) == ["Sessions", "Sources", "Conventions", "In-kind", "Asks"])
    }

    @Test func nothingToAskWhenEveryDemandIsScheduled() throws {
        let f = try WorkspaceFixture()
        let planned = try f.plan(record: false)
        let ws = f.workspace()
        let asks = try ws.asks(try ws.context(PlanReference(planned.path)), lines: 3, search: WorkspaceFixture.search)
        #expect(asks.lines.isEmpty)
        #expect(asks.text.contains("nothing: no left-out demand is held back by money alone"))
    }
}
