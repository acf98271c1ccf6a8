import RioModel

/// The UNFCCC layout: common tabular format table III.11 of the biennial transparency report.
extension NationalReport {
    /// The table's title in decision 5/CMA.3, annex III.
    static let ctfTableTitle =
        "Information on capacity-building support received by developing country Parties under Article 11 of the Paris Agreement"

    /// The columns of CTF table III.11, as UNDP's national climate transparency system exports them
    /// (`Tables Annex III -11`), in their order.
    static let unfcccHeader = [
        "Activity No.", "Name of Activity", "Activity description", "Sector", "Subsector", "Type of support", "Recipient entity",
        "National implementing entity", "International implementing entity", "Status of activity", "Start year", "End year",
        "Additional information",
    ]

    /// One row per delivered activity serving the UNFCCC (a cancelled session is no support
    /// received, and the table's statuses are planned, ongoing and completed).
    ///
    /// Sector and type of support are `Cross-cutting` (the programme's sessions serve adaptation and
    /// mitigation alike); the subsector lists the session's themes; the implementers are international.
    func unfcccLayout() -> Layout {
        let rows = activities(serving: NationalReport.unfccc).filter { $0.status == .delivered }.map { a -> [Workbook.Cell] in
            [
                .text(a.session), .text(a.title), .text(a.description), .text("Cross-cutting"), .text(themeText(a)),
                .text("Cross-cutting"), .text(received.country.name), .empty, .text(a.implementers.joined(separator: "; ")),
                .text("Completed"), .text(String(a.start.components.year)), .text(String(a.end.components.year)), .text(unfcccAdditionalInformation(a)),
            ]
        }
        return Layout(
            sheetName: "UNFCCC CTF III.11",
            heading: "UNFCCC biennial transparency report, common tabular format table III.11",
            intro: NationalReport.ctfTableTitle + ".",
            header: NationalReport.unfcccHeader, rows: rows,
            notes: outcomeNotes(NationalReport.unfccc, label: "Outcome (additional information)"))
    }

    /// Region, place, the country's participants (women of those who disclosed their sex, youth,
    /// IPLC), its UNFCCC focal points, and the outcomes that stem from the activity.
    func unfcccAdditionalInformation(_ a: CountryReceived.Activity) -> String {
        var parts = [
            "Region: \(regionName(a.region)); \(a.location); \(a.start.iso) to \(a.end.iso)",
            "\(a.participants) participants from \(received.country.name): \(a.women) women of \(a.disclosed) who disclosed their sex "
                + "(\(NationalReport.percent(a.women, of: a.disclosed))), \(a.youth) youth, \(a.iplc) from Indigenous peoples and local communities",
        ]
        if let fp = a.focalPoints[NationalReport.unfccc], fp > 0 { parts.append("UNFCCC national focal points: \(fp)") }
        let outcomes = received.outcomes.filter { $0.sessions.contains(a.session) }
        if !outcomes.isEmpty { parts.append("Outcomes: " + outcomes.map(outcomeText).joined(separator: " / ")) }
        return parts.joined(separator: ". ")
    }
}
