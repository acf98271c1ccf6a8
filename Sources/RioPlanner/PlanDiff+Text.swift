import Foundation
import RioModel

extension PlanDiff {
    /// The diff as a report a programme officer or a finance person reads top to bottom:
    /// figures before and after, the sessions that changed (one line each, by demand id), money per
    /// funding source, and the conventions affected. Money is in whole units of the plan's currency.
    public var text: String {
        var out: [String] = []
        out.append("Plan \(name): \(oldLabel) -> \(newLabel)")
        out.append("")
        out.append(
            contentsOf: PlanDiff.table(
                ["", "Before", "After", "Change"],
                [
                    ["Value", num(totals.value.old), num(totals.value.new), signed(totals.value.delta)],
                    ["Cash (\(currency))", num(totals.cash.old), num(totals.cash.new), signed(totals.cash.delta)],
                    ["In-kind (\(currency))", num(totals.inKind.old), num(totals.inKind.new), signed(totals.inKind.delta)],
                    [
                        "Sessions", "\(totals.scheduled.old) of \(totals.demands.old)", "\(totals.scheduled.new) of \(totals.demands.new)",
                        signed(totals.scheduled.delta),
                    ],
                ]))
        out.append("")
        out.append(
            "Sessions: \(unchanged) unchanged, \(added.count) added, \(cancelled.count) cancelled, "
                + "\(moved.count) moved, \(restaffed.count) re-staffed.")
        func section(_ title: String, _ list: [SessionChange], _ line: (SessionChange) -> String) {
            guard !list.isEmpty else { return }
            out.append("")
            out.append("\(title) (\(list.count)):")
            for c in list { out.append("  " + line(c)) }
        }
        section("Cancelled", cancelled) { c in "\(c.demand)  \(c.module) in \(c.region): \(c.old.map(place) ?? "")\(conv(c))" }
        section("Added", added) { c in "\(c.demand)  \(c.module) in \(c.region): \(c.new.map(place) ?? "")\(conv(c))" }
        section("Moved", moved) { c in
            guard let a = c.old, let b = c.new else { return c.demand }
            return "\(c.demand)  \(c.module) in \(c.region): \(when(a)) \(at(a)) -> \(when(b)) \(at(b))\(cashChange(a, b))"
        }
        section("Re-staffed", restaffed) { c in
            guard let a = c.old, let b = c.new else { return c.demand }
            return "\(c.demand)  \(c.module) in \(c.region): \(staff(a)) -> \(staff(b))\(cashChange(a, b))"
        }
        if !money.isEmpty {
            out.append("")
            out.append("Cash per funding source (\(currency)):")
            var rows = money.map { [$0.source, num($0.old), num($0.new), signed($0.delta)] }
            let o = money.reduce(0) { $0 + $1.old }, n = money.reduce(0) { $0 + $1.new }
            rows.append(["Total", num(o), num(n), signed(n - o)])
            out.append(contentsOf: PlanDiff.table(["Source", "Before", "After", "Change"], rows).map { "  " + $0 })
        }
        out.append("")
        if conventions.isEmpty {
            out.append("Conventions affected: none.")
        } else {
            out.append("Conventions affected:")
            let rows = conventions.map {
                [$0.convention, "\($0.sessions.old)", "\($0.sessions.new)", "\($0.added)", "\($0.cancelled)", "\($0.changed)"]
            }
            out.append(
                contentsOf: PlanDiff.table(["Convention", "Sessions before", "After", "Added", "Cancelled", "Changed"], rows)
                    .map { "  " + $0 })
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// What the new plan costs against the old, in the words of a cut: sessions lost, value lost,
    /// conventions affected (used by `rioplan whatif`).
    public var costSummary: String {
        let lost = max(0, -totals.scheduled.delta), valueLost = max(0, -totals.value.delta)
        var lines: [String] = []
        lines.append("What the change costs:")
        lines.append(
            "  Sessions lost: \(lost) (\(cancelled.count) cancelled, \(added.count) added); "
                + "\(changedCount) others moved or re-staffed; \(unchanged) unchanged.")
        lines.append(
            "  Value lost: \(num(valueLost)) of \(num(totals.value.old))"
                + (totals.value.delta > 0 ? " (value gained: \(num(totals.value.delta)))" : "") + ".")
        lines.append("  Cash: \(num(totals.cash.old)) -> \(num(totals.cash.new)) \(currency) (\(signed(totals.cash.delta))).")
        let hit = conventions.filter { $0.cancelled > 0 || $0.changed > 0 || $0.added > 0 }
        lines.append(
            "  Conventions affected: "
                + (hit.isEmpty
                    ? "none"
                    : hit.map { c in
                        "\(c.convention) (\(c.sessions.old) -> \(c.sessions.new) sessions)"
                    }.joined(separator: ", ")) + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    private func num(_ v: Int) -> String { Money.text(v) }
    private func signed(_ v: Int) -> String { v > 0 ? "+" + Money.text(v) : Money.text(v) }
    private func when(_ p: Placement) -> String { p.start == p.end ? p.start : "\(p.start)..\(p.end)" }
    private func at(_ p: Placement) -> String { p.venue.map { "at \($0)" } ?? "online" }
    private func staff(_ p: Placement) -> String {
        (p.trainers.isEmpty ? "no trainer" : p.trainers.joined(separator: ", ")) + " (\(p.language))"
    }
    private func place(_ p: Placement) -> String { "\(when(p)) \(at(p)), \(staff(p)), cash \(num(p.cash))" }
    private func conv(_ c: SessionChange) -> String { c.conventions.isEmpty ? "" : "; " + c.conventions.joined(separator: ", ") }
    private func cashChange(_ a: Placement, _ b: Placement) -> String {
        a.cash == b.cash ? "" : "; cash \(num(a.cash)) -> \(num(b.cash))"
    }

    /// Columns separated by two spaces: the first left-aligned, the rest (figures) right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return all.map { r in
            r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    /// The diff as JSON: sorted keys, a final newline; `venue`, `old` and `new` are written as
    /// `null` when absent rather than left out.
    public func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self) + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
