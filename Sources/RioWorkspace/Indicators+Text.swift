import Foundation
import RioModel
import RioStore

extension Indicators {
    /// `62.5%`, `-` for no value.
    static func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
    /// `+12.5`, `-` for no value.
    static func signed(_ v: Double?) -> String { v.map { String(format: "%+.1f", $0) } ?? "-" }
    /// Whole currency units, `-` for no value.
    static func money(_ v: Double?) -> String { v.map { Money.text(Int($0.rounded())) } ?? "-" }
    /// Four decimals for CSV, empty for no value.
    static func decimal(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }

    /// The lines shown: the groups, then the total.
    var allLines: [Line] { groups + [total] }

    /// The plain-text report of `rioplan outcomes`: the indicator table, outcomes by kind and
    /// the sessions under 40% women.
    public func table() -> String {
        let title = "Indicators of \(plans.joined(separator: ", "))" + (by.map { " by \($0.rawValue)" } ?? "")
        let header = [
            by.map { $0.rawValue.capitalized } ?? "", "Planned", "Delivered", "Cancelled", "Participants", "Part.-days", "Women", "Countries", "LDC",
            "SIDS", "Completed", "Gain", "Applied", "Outcomes", "Cash/part.-day",
        ]
        let rows = allLines.map { l in
            [
                l.group, l.planned.map(String.init) ?? "-", "\(l.delivered)", l.cancelled.map(String.init) ?? "-", "\(l.participants)",
                "\(l.participantDays)", Indicators.percent(l.womenShare), "\(l.countries)", Indicators.percent(l.ldcShare),
                Indicators.percent(l.sidsShare), Indicators.percent(l.completionRate), Indicators.signed(l.learningGain),
                Indicators.percent(l.applicationRate), "\(l.outcomes.total)", Indicators.money(l.cashPerParticipantDay),
            ]
        }
        let kinds = OutcomeKind.allCases.map { $0.rawValue.capitalized }
        let outcomeRows = allLines.filter { $0.outcomes.total > 0 }.map { l in [l.group] + l.outcomes.counts.map(String.init) }
        var text = title + "\n\n" + TextTable.render(header, rows)
        text += "\nOutcomes by kind" + (outcomeRows.isEmpty ? ": none recorded\n" : ":\n" + TextTable.render([""] + kinds, outcomeRows))
        text += "\nDelivered sessions under 40% women (UNCCD Gender Action Plan: parity by 2030):"
        if underParity.isEmpty { return text + " none\n" }
        let gapRows = underParity.map { g in [g.session, g.region, g.module, "\(g.women) of \(g.disclosed)", Indicators.percent(g.womenShare)] }
        return text + "\n" + TextTable.render(["Session", "Region", "Module", "Women", "Share"], gapRows)
    }

    /// `--format csv`: one record per group and the total (shares as decimals, empty when none).
    public func csv() -> String {
        let header =
            [
                by?.rawValue ?? "group", "planned", "delivered", "cancelled", "participants", "participantDays", "women", "disclosed", "womenShare",
                "countries", "ldcShare", "sidsShare", "completionRate", "learningGain", "followedUp", "applicationRate", "outcomes",
            ] + OutcomeKind.allCases.map(\.rawValue) + ["cashPerParticipantDay"]
        let rows = allLines.map { l in
            [
                l.group, l.planned.map(String.init) ?? "", "\(l.delivered)", l.cancelled.map(String.init) ?? "", "\(l.participants)",
                "\(l.participantDays)", "\(l.women)", "\(l.disclosed)", Indicators.decimal(l.womenShare), "\(l.countries)",
                Indicators.decimal(l.ldcShare), Indicators.decimal(l.sidsShare), Indicators.decimal(l.completionRate),
                Indicators.decimal(l.learningGain), "\(l.followedUp)", Indicators.decimal(l.applicationRate), "\(l.outcomes.total)",
            ] + l.outcomes.counts.map(String.init) + [Indicators.decimal(l.cashPerParticipantDay)]
        }
        return TextTable.csv(header, rows)
    }
}
