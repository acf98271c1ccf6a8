import Foundation
import RioModel

/// What one country received from the joint programme, laid out for each convention's national
/// report (`monitoring.md`, National reports): a workbook (`xlsxData()`) with a cover sheet and one
/// sheet per convention, or the same tables as Markdown (`markdown()`).
///
/// - **UNFCCC**: biennial transparency report, common tabular format table III.11 (decision
///   5/CMA.3, annex III), one row per delivered activity serving the UNFCCC (`+UNFCCC`).
/// - **CBD**: national report, section III on Target 20 of the Kunming-Montreal Global Biodiversity
///   Framework, with participation figures and the wording of binary indicator 20.b (`+CBD`).
/// - **UNCCD**: PRAIS 4, strategic objective 5: activity rows flagged as capacity-building and the
///   numbers and shares of women, youth and Indigenous peoples and local communities (`+UNCCD`).
///
/// Counts and shares only: the input holds no participant name or id, and the output holds none.
/// The same input gives the same bytes; text cells are neutralised against formula injection by
/// the workbook writer.
public struct NationalReport: Sendable {
    public var received: CountryReceived
    /// Names of regions and labels of themes; without it, ids are shown.
    public var catalog: Catalog?
    /// The plans' currency, for the workbook's number format (no amount is shown).
    public var currency: String
    /// The plans the report covers (names as recorded), shown on the cover.
    public var plans: [String]

    /// A report of `received`; `plans` are the plan names shown on the cover.
    public init(received: CountryReceived, catalog: Catalog? = nil, currency: String = "", plans: [String] = []) {
        self.received = received; self.catalog = catalog; self.currency = currency; self.plans = plans
    }

    /// Convention ids as `conventions.yaml` spells them.
    static let unfccc = "UNFCCC", cbd = "CBD", unccd = "UNCCD"

    /// One convention's layout: a heading, a table and notes; rendered as a sheet or as Markdown.
    struct Layout {
        /// The worksheet's name (31 characters at most).
        var sheetName: String
        /// The Markdown section's heading, also listed on the cover.
        var heading: String
        /// One paragraph under the heading.
        var intro: String
        /// The column headings, exactly as the convention's report names them.
        var header: [String]
        /// Activity rows, then a `Total` row where the report adds up.
        var rows: [[Workbook.Cell]]
        /// Labelled notes below the table (indicator wording, outcomes).
        var notes: [(label: String, text: String)]
    }

    /// The layouts in report order: UNFCCC, CBD, UNCCD.
    var layouts: [Layout] { [unfcccLayout(), cbdLayout(), unccdLayout()] }

    /// The `.xlsx` file's bytes: the cover sheet, then one sheet per convention.
    ///
    /// Throws what `Workbook.data()` throws (`RioError.cannotWrite` if zipping fails).
    public func xlsxData() throws -> Data {
        var sheets = [coverSheet()]
        for layout in layouts {
            var rows = layout.rows
            if !layout.notes.isEmpty {
                rows.append([])
                for note in layout.notes { rows.append([.text(note.label, bold: true), .text(note.text)]) }
            }
            sheets.append(Workbook.Sheet(name: layout.sheetName, header: layout.header, rows: rows))
        }
        return try Workbook(title: title, currency: currency, sheets: sheets).data()
    }

    /// `Capacity-building received by Kenya (KEN)`.
    var title: String { "Capacity-building received by \(received.country.name) (\(received.country.code))" }

    /// What the cover says about counting, shared by the workbook and the Markdown.
    static let countingNote =
        "A joint session counts once for each convention it serves, so the convention tables overlap; the totals above count each activity once."
    static let privacyNote = "Counts and shares only: no participant is named or identified."

    /// The cover: the country, the plans, the totals over every delivered activity, and what each sheet holds.
    func coverSheet() -> Workbook.Sheet {
        let delivered = received.activities.filter { $0.status == .delivered }
        let f = Figures(delivered)
        var rows: [[Workbook.Cell]] = [
            [.text("Country"), .text("\(received.country.name) (\(received.country.code))")],
            [.text("Plans"), .text(plans.isEmpty ? "all recorded plans" : plans.joined(separator: ", "))],
            [.text("Activities delivered"), .count(delivered.count)],
            [.text("Activities cancelled"), .count(received.activities.count - delivered.count)],
            [.text("Participants"), .count(f.participants)],
            [.text("Women"), .text(f.womenText)],
            [.text("Youth"), .count(f.youth)],
            [.text("Indigenous peoples and local communities"), .count(f.iplc)],
            [.text("Outcomes recorded"), .count(received.outcomes.count)],
        ]
        for layout in layouts { rows.append([.text("Sheet \(layout.sheetName)"), .text(layout.heading)]) }
        rows.append([.text("Counting"), .text(NationalReport.countingNote)])
        rows.append([.text("Privacy"), .text(NationalReport.privacyNote)])
        for o in unattributedOutcomes { rows.append([.text("Outcome not attributed"), .text(outcomeText(o))]) }
        return Workbook.Sheet(name: "Cover", header: ["Item", "Value"], rows: rows)
    }

    // MARK: Shared figures and texts

    /// Participation figures summed over some activities.
    struct Figures {
        var participants = 0, women = 0, disclosed = 0, youth = 0, iplc = 0, completed = 0

        /// The sums over `activities`.
        init(_ activities: [CountryReceived.Activity]) {
            for a in activities {
                participants += a.participants; women += a.women; disclosed += a.disclosed
                youth += a.youth; iplc += a.iplc; completed += a.completed
            }
        }

        /// `6 of 8 who disclosed their sex (75.0%)`.
        var womenText: String { "\(women) of \(disclosed) who disclosed their sex (\(NationalReport.percent(women, of: disclosed)))" }
    }

    /// `part / whole` as a percentage with one decimal (`62.5%`), `n/a` when `whole` is 0.
    ///
    /// Computed in integers (tenths of a percent, halves rounded up), so no platform rounds it differently.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The activities whose session serves convention `c`, in the input's (start) order.
    func activities(serving c: String) -> [CountryReceived.Activity] {
        received.activities.filter { $0.conventions.contains(c) }
    }

    /// The conventions an outcome counts for: those of the activities it stems from.
    func conventions(of outcome: OutcomeRecord) -> Set<String> {
        let sessions = Set(outcome.sessions)
        return Set(received.activities.filter { sessions.contains($0.session) }.flatMap(\.conventions))
    }

    /// The outcomes attributed to convention `c`, in the input's order.
    func outcomes(for c: String) -> [OutcomeRecord] { received.outcomes.filter { conventions(of: $0).contains(c) } }

    /// Outcomes that stem from no activity of this report (listed on the cover only).
    var unattributedOutcomes: [OutcomeRecord] { received.outcomes.filter { conventions(of: $0).isEmpty } }

    /// `Policy, 2027-09-01: National restoration strategy adopted (evidence: URL)`.
    func outcomeText(_ o: OutcomeRecord) -> String {
        let kind = o.kind.rawValue.prefix(1).uppercased() + o.kind.rawValue.dropFirst()
        let evidence = o.evidence.map { " (evidence: \($0))" } ?? ""
        return "\(kind), \(o.date.iso): \(o.description)\(evidence)"
    }

    /// The outcomes of convention `c` as notes, or one note saying there are none.
    func outcomeNotes(_ c: String, label: String) -> [(label: String, text: String)] {
        let list = outcomes(for: c)
        guard !list.isEmpty else { return [(label, "No outcome recorded yet.")] }
        return list.map { (label, outcomeText($0)) }
    }

    /// Theme labels (catalog order of the activity), joined with `; `.
    func themeText(_ a: CountryReceived.Activity) -> String {
        a.themes.map { catalog?.theme($0)?.label ?? $0 }.joined(separator: "; ")
    }

    /// The region's name, or its id without a catalog.
    func regionName(_ id: String) -> String { catalog?.region(id)?.name ?? id }

    /// `Delivered` or `Cancelled`.
    static func statusText(_ s: DeliveryStatus) -> String { s == .delivered ? "Delivered" : "Cancelled" }
}
