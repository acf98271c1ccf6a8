import RioModel

/// Reads a sign-in sheet into attendance records, checking every row; problems go to the bag.
enum AttendanceSheet {
    static let sexAliases: [String: Sex] = [
        "f": .female, "woman": .female, "w": .female, "m": .male, "man": .male, "prefer not to say": .undisclosed,
        "not disclosed": .undisclosed,
    ]
    static let organisationAliases: [String: OrganisationType] = [
        "gov": .government, "governmental": .government, "civil society": .ngo, "cso": .ngo, "academic": .academia,
        "university": .academia, "research": .academia, "indigenous peoples and local communities": .iplc, "private sector": .private,
        "business": .private, "igo": .intergovernmental, "un": .intergovernmental,
    ]

    /// A participant as stored and compared: trimmed, inner spaces collapsed.
    static func normal(_ participant: String) -> String {
        var previousSpace = true, clean = true
        for u in participant.unicodeScalars {
            let space = RecordTable.isSpace(u)
            if space && (previousSpace || u != " ") { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace { return participant }
        return participant.unicodeScalars.split(whereSeparator: RecordTable.isSpace).map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// The valid rows (all of them when the bag stays empty).
    static func records(_ sheet: Sheet, session: String, catalog: Catalog, bag: DiagnosticBag) -> [AttendanceRecord] {
        guard let table = RecordTable(sheet, columns: RecordColumn.attendance, bag: bag) else { return [] }
        let codes = Set(catalog.countries.map(\.code))
        var seen: [String: Int] = [:]
        var out: [AttendanceRecord] = []
        for row in table.rows {
            let participant = table.required(row, "participant", "participant name or id", label: "Participant").map(AttendanceSheet.normal)
            if let p = participant {
                let key = p.lowercased()
                if let first = seen[key] {
                    bag.add(
                        table.location(row, "participant"), "the participant of this row is on row \(first) already",
                        hint: "remove one of the two rows (a participant is recorded once per session)")
                } else {
                    seen[key] = row.number
                }
            }
            let country = table.country(row, catalog: catalog, codes: codes)
            let sex = table.choice(row, "sex", "Sex", aliases: sexAliases) as Sex?
            let org = table.choice(row, "organisation", "Organisation", aliases: organisationAliases) as OrganisationType?
            let focal = focalPoints(table, row, catalog)
            let completed = table.yesNo(row, "completed", "Completed")
            let pre = table.score(row, "pre", "pre-test score", 0...100), post = table.score(row, "post", "post-test score", 0...100)
            let reaction = table.score(row, "reaction", "reaction", 1...5)
            guard let participant, let country, let sex, let org, let focal, let completed, pre.ok, post.ok, reaction.ok else { continue }
            out.append(
                AttendanceRecord(
                    session: session, participant: participant, country: country, sex: sex, organisation: org, focalPoint: focal,
                    completed: completed, pre: pre.value, post: post.value, reaction: reaction.value))
        }
        return out
    }

    /// The convention ids of the Focal point cell (catalog spelling), or nil after a diagnostic.
    static func focalPoints(_ table: RecordTable, _ row: RecordTable.Row, _ catalog: Catalog) -> [String]? {
        guard let raw = table.text(row, "focalPoint") else { return [] }
        var out: [String] = []
        for part in raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0.isWhitespace }) {
            guard let c = catalog.conventions.first(where: { $0.id.lowercased() == part.lowercased() }) else {
                let ids = catalog.conventions.map(\.id).joined(separator: ", ")
                table.bag.add(
                    table.location(row, "focalPoint"), "focal point `\(part)` is not a convention",
                    hint: "write the ids of the conventions the person is national focal point for, separated by commas: \(ids)")
                return nil
            }
            if !out.contains(c.id) { out.append(c.id) }
        }
        return catalog.conventions.map(\.id).filter(out.contains)
    }
}
