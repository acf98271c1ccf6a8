import RioModel

/// The UNCCD layout: PRAIS 4, strategic objective 5, activity rows flagged as capacity-building.
extension NationalReport {
    /// The PRAIS 4 reporting manual's request (implementation framework, 7.3.4), quoted on the sheet.
    static let praisParticipationRequest =
        "In reporting on capacity-building, extension services and other activities, if possible indicate the numbers or percentage of participants who were women, youth, indigenous people and/or local community members."

    /// The UNCCD sheet's columns: the PRAIS 4 SO5 activity-level parameters that apply (year,
    /// recipient/beneficiary, channel, title, capacity building), then theme, dates, status and figures.
    /// Years are text cells, so no spreadsheet shows them with a thousands separator.
    static let unccdHeader = [
        "Activity No.", "Year", "Recipient/beneficiary", "Channel", "Title of project, initiative or activity, or other", "Theme", "Start",
        "End", "Status", "Capacity building", "Participants", "Women", "Women (%)", "Youth", "Youth (%)",
        "Indigenous people and local community members", "Indigenous people and local community members (%)",
    ]

    /// One row per activity serving the UNCCD, a `Total` row, the manual's request and the outcomes.
    ///
    /// The channel is the first implementing entity (PRAIS 4 manual, 5.7). Women's share is of those
    /// who disclosed their sex; youth's and IPLC's shares are of all participants.
    func unccdLayout() -> Layout {
        let list = activities(serving: NationalReport.unccd)
        var rows = list.map { a -> [Workbook.Cell] in
            [
                .text(a.session), .text(String(a.start.components.year)), .text(received.country.name), .text(a.implementers.first ?? ""),
                .text(a.title), .text(themeText(a)), .date(a.start), .date(a.end), .text(NationalReport.statusText(a.status)), .text("Yes"),
            ] + unccdFigures(Figures([a]), bold: false)
        }
        let f = Figures(list)
        rows.append(
            [.text("Total", bold: true)] + [Workbook.Cell](repeating: .empty, count: 7) + [.text("\(list.count) activities", bold: true), .empty]
                + unccdFigures(f, bold: true))
        let summary =
            "\(f.participants) participants: women \(f.womenText); youth \(f.youth) (\(NationalReport.percent(f.youth, of: f.participants))); "
            + "indigenous people and local community members \(f.iplc) (\(NationalReport.percent(f.iplc, of: f.participants)))."
        let notes: [(label: String, text: String)] =
            [("PRAIS 4 request", NationalReport.praisParticipationRequest), ("Participants", summary)]
            + outcomeNotes(NationalReport.unccd, label: "Outcome")
        return Layout(
            sheetName: "UNCCD SO5",
            heading: "UNCCD PRAIS 4, strategic objective 5 (capacity-building)",
            intro:
                "Activities flagged as capacity-building, with the numbers and shares of participants who were women, youth, or indigenous people and local community members.",
            header: NationalReport.unccdHeader, rows: rows, notes: notes)
    }

    /// Participants, women, women's share, youth, youth's share, IPLC, IPLC's share.
    func unccdFigures(_ f: Figures, bold: Bool) -> [Workbook.Cell] {
        [
            .count(f.participants, bold: bold), .count(f.women, bold: bold), .text(NationalReport.percent(f.women, of: f.disclosed), bold: bold),
            .count(f.youth, bold: bold), .text(NationalReport.percent(f.youth, of: f.participants), bold: bold),
            .count(f.iplc, bold: bold), .text(NationalReport.percent(f.iplc, of: f.participants), bold: bold),
        ]
    }
}
