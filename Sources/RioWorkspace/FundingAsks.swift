import Foundation
import RioExport
import RioModel
import RioPlanner

/// The answer of `asks`: what more money would buy, for resource mobilisation.
///
/// Each line names a left-out demand, the money its eligible sources lack and which source,
/// raised by that much, admits it; the line is then checked by re-planning with that money
/// added (the plan before it as baseline), so the list is what the planner really does: the
/// value it reports is the re-planned plan's, cumulative over the lines.
public struct FundingAsks: Sendable, Codable {
    /// One step of the list.
    public struct Line: Sendable, Codable {
        public var demand: String
        public var value: Int
        /// The money to add, and the sources each of which, raised by it, admits the demand.
        public var amount: Int
        public var sources: [String]
        /// The source the re-plan raised (the first of `sources`).
        public var raised: String
        /// The re-planned plan's value and cash, and their gain over the original plan.
        public var planValue: Int
        public var planCash: Int
        public var cumulativeValue: Int
        public var cumulativeMoney: Int
        /// Whether the re-plan scheduled the demand (else the money bought other sessions).
        public var confirmed: Bool
    }

    /// What one more `step` on one source buys, re-planned.
    public struct SourceMargin: Sendable, Codable {
        public var source: String
        public var step: Int
        public var value: Int
        /// Demands the re-plan added.
        public var added: [String]
    }

    public var plan: String
    public var currency: String
    public var value: Int
    public var cash: Int
    public var lines: [Line]
    public var margins: [SourceMargin]
}

extension Workspace {
    /// The step of the per-source margins: "what one more 10,000 would buy".
    public static let asksMarginStep = 10_000

    /// `rioplan asks`: what more money would buy, each line checked by re-planning.
    ///
    /// - Parameters:
    ///   - lines: at most this many lines (each costs one re-plan).
    ///   - search: the search of each re-plan (iterations and seed make the list reproducible).
    /// - Throws: the verifier's violations for a plan `check` rejects.
    public func asks(_ context: PlanContext, lines: Int, search: SearchSettings) throws -> FundingAsks {
        try context.requireValid()
        let original = context.plan
        var request = context.request
        var current = original
        var out: [FundingAsks.Line] = []
        var added = 0
        while out.count < lines, let ask = try nextAsk(request, context.catalog, current), let source = ask.sources.first {
            guard let k = request.funding.firstIndex(where: { $0.id == source }) else { break }
            request.funding[k].cap += ask.shortfall
            added += ask.shortfall
            let replanned = try replan(request, context, search, baseline: current)
            out.append(
                FundingAsks.Line(
                    demand: ask.demand, value: ask.value, amount: ask.shortfall, sources: ask.sources, raised: source,
                    planValue: replanned.score.value, planCash: replanned.score.cash,
                    cumulativeValue: replanned.score.value - original.score.value, cumulativeMoney: added,
                    confirmed: replanned.sessions.contains { $0.demand == ask.demand }))
            current = replanned
        }
        let margins = try context.request.funding.map { s in try margin(of: s.id, context, search) }
        return FundingAsks(plan: original.name, currency: original.currency, value: original.score.value, cash: original.score.cash, lines: out, margins: margins)
    }

    /// The best next ask beside `plan`, or nil when money alone admits nothing more.
    func nextAsk(_ request: PlanRequest, _ catalog: Catalog, _ plan: Plan) throws -> MoneyAsk? {
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        guard let assignment = PlanReader.assignment(of: plan, in: problem) else {
            throw RioError.internalError("the re-planned plan \(plan.name) does not match its own request")
        }
        return MoneyAsk.asks(problem, assignment).first { !$0.sources.isEmpty }
    }

    /// Plans `request` close to `baseline`.
    func replan(_ request: PlanRequest, _ context: PlanContext, _ search: SearchSettings, baseline: Plan) throws -> Plan {
        let inputs = Plan.PlanInputs(request: context.requestPath, catalog: context.catalogPath, requestSha256: nil, catalogSha256: context.catalog.fingerprint)
        let (run, conflicts) = try solve(request, catalog: context.catalog, search: search, baseline: baseline, inputs: inputs)
        guard let run else {
            throw RioError.data("the request's pins cannot all hold (\(conflicts.joined(separator: "; "))); fix them before asking what money would buy")
        }
        return run.plan
    }

    /// What one more `asksMarginStep` on `source` buys, re-planned against the context's plan.
    func margin(of source: String, _ context: PlanContext, _ search: SearchSettings) throws -> FundingAsks.SourceMargin {
        var request = context.request
        guard let k = request.funding.firstIndex(where: { $0.id == source }) else {
            throw RioError.usage("unknown funding source \(source)")
        }
        request.funding[k].cap += Workspace.asksMarginStep
        let plan = try replan(request, context, search, baseline: context.plan)
        let before = Set(context.plan.sessions.map(\.demand))
        return FundingAsks.SourceMargin(
            source: source, step: Workspace.asksMarginStep, value: plan.score.value - context.plan.score.value,
            added: plan.sessions.map(\.demand).filter { !before.contains($0) })
    }
}

extension FundingAsks {
    /// The same list for the co-financing workbook's Asks sheet.
    public var table: AsksTable {
        AsksTable(
            lines: lines.map {
                AsksTable.Line(
                    demand: $0.demand, value: $0.value, amount: $0.amount, sources: $0.sources, planValue: $0.planValue,
                    cumulativeValue: $0.cumulativeValue, cumulativeMoney: $0.cumulativeMoney, confirmed: $0.confirmed)
            },
            margins: margins.map { AsksTable.Margin(source: $0.source, step: $0.step, value: $0.value, added: $0.added) })
    }

    /// `+63,795 USD on unfccc-core or gef8-ccb → d-af-09 (value +9)`, then what re-planning gave.
    public var text: String {
        var out = "What more money would buy for \(plan) (value \(value), cash \(Money.amount(cash, currency))); each line re-planned with the money added:\n"
        if lines.isEmpty { out += "  nothing: no left-out demand is held back by money alone\n" }
        for (k, l) in lines.enumerated() {
            out +=
                "  \(k + 1). +\(Money.amount(l.amount, currency)) on \(l.sources.joined(separator: " or ")) → \(l.demand) (value +\(l.value)): "
                + "re-planned value \(l.planValue) (+\(l.cumulativeValue) for +\(Money.text(l.cumulativeMoney)) in all)"
                + (l.confirmed ? "" : "; the re-plan spent it on other sessions instead") + "\n"
        }
        out += "One more \(Money.amount(margins.first?.step ?? Workspace.asksMarginStep, currency)) on one source buys, re-planned:\n"
        let width = margins.map(\.source.count).max() ?? 0
        for m in margins {
            out +=
                "  " + m.source.padding(toLength: width, withPad: " ", startingAt: 0) + "  value +\(m.value)"
                + (m.added.isEmpty ? "" : " (\(m.added.joined(separator: ", ")))") + "\n"
        }
        return out
    }

    /// The lines as RFC 4180 CSV (for a spreadsheet), then the per-source margins.
    public var csv: String {
        var rows = lines.enumerated().map { k, l in
            [
                "line", String(k + 1), l.demand, String(l.value), String(l.amount), l.sources.joined(separator: " or "), l.raised,
                String(l.planValue), String(l.cumulativeValue), String(l.cumulativeMoney), l.confirmed ? "yes" : "no",
            ]
        }
        rows += margins.map { m in ["margin", "", m.added.joined(separator: " "), String(m.value), String(m.step), m.source, m.source, "", "", "", ""] }
        let header = ["kind", "line", "demand", "value", "amount", "sources", "raised", "planValue", "cumulativeValue", "cumulativeMoney", "confirmed"]
        return ([header] + rows).map(CSVText.record).joined()
    }
}
