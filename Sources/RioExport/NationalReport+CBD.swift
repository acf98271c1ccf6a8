import RioModel

/// The CBD layout: section III of the national report on Target 20 (capacity-building and
/// development) of the Kunming-Montreal Global Biodiversity Framework.
extension NationalReport {
    /// GBF binary indicator 20.b, as the CBD's online reporting tool names it.
    static let gbfBinaryIndicator20b =
        "20.b Number of countries that have taken significant action to strengthen capacity-building and development and access to and transfer of technology, and to promote the development of and access to innovation and technical and scientific cooperation"

    /// Question 20.2 of binary indicator 20.b (online reporting tool).
    static let gbfQuestion20_2 =
        "20.2 Does your country have measures to ensure the full and effective participation of indigenous peoples and local communities, women and girls, children and youth and people with disabilities in capacity-building and development for the conservation and sustainable use of biodiversity?"

    /// The section III field the outcomes answer (online reporting tool).
    static let gbfProgressField = "Provide a summary of progress towards the target, including the main outcomes achieved"

    /// The CBD sheet's columns.
    static let cbdHeader = [
        "Activity No.", "Activity", "Themes", "Start", "End", "Status", "Participants", "Sex disclosed", "Women",
        "Women (% of disclosed)", "Indigenous peoples and local communities", "Youth", "Completed",
    ]

    /// One row per activity serving the CBD, a `Total` row, then the indicator wording, the
    /// participation figures for question 20.2 and the outcomes.
    func cbdLayout() -> Layout {
        let list = activities(serving: NationalReport.cbd)
        var rows = list.map { a -> [Workbook.Cell] in
            [
                .text(a.session), .text(a.title), .text(themeText(a)), .date(a.start), .date(a.end), .text(NationalReport.statusText(a.status)),
                .count(a.participants), .count(a.disclosed), .count(a.women), .text(NationalReport.percent(a.women, of: a.disclosed)),
                .count(a.iplc), .count(a.youth), .count(a.completed),
            ]
        }
        let f = Figures(list)
        rows.append([
            .text("Total", bold: true), .empty, .empty, .empty, .empty, .text("\(list.count) activities", bold: true),
            .count(f.participants, bold: true), .count(f.disclosed, bold: true), .count(f.women, bold: true),
            .text(NationalReport.percent(f.women, of: f.disclosed), bold: true), .count(f.iplc, bold: true), .count(f.youth, bold: true),
            .count(f.completed, bold: true),
        ])
        let participation =
            "Women and girls: \(f.womenText); children and youth: \(f.youth) of \(f.participants) participants (\(NationalReport.percent(f.youth, of: f.participants))); "
            + "indigenous peoples and local communities: \(f.iplc) of \(f.participants) participants (\(NationalReport.percent(f.iplc, of: f.participants)))."
        let notes: [(label: String, text: String)] =
            [
                ("GBF binary indicator", NationalReport.gbfBinaryIndicator20b),
                ("Binary indicator question", NationalReport.gbfQuestion20_2),
                ("Participation (20.2)", participation),
            ] + outcomeNotes(NationalReport.cbd, label: "Outcome (summary of progress)")
        return Layout(
            sheetName: "CBD Target 20",
            heading: "CBD national report, Target 20 (capacity-building and development)",
            intro:
                "Section III, Target 20 of the Kunming-Montreal Global Biodiversity Framework: participation of women, Indigenous peoples and local communities and youth in the capacity-building received. Outcomes answer: \(NationalReport.gbfProgressField).",
            header: NationalReport.cbdHeader, rows: rows, notes: notes)
    }
}
