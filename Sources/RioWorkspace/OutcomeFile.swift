import Foundation
import RioModel
import RioStore

/// Reads outcomes from YAML (a mapping with an `outcomes` list) or from a sheet (CSV, XLSX),
/// checking every entry; problems go to the bag.
enum OutcomeFile {
    /// An outcome with the session rows it stems from.
    typealias Entry = (outcome: OutcomeRecord, sessions: [(String, Int64)])

    static let kindHint = "write one of \(OutcomeKind.allCases.map(\.rawValue).joined(separator: ", "))"

    /// The entries of a sheet.
    static func entries(_ sheet: Sheet, catalog: Catalog, sessions: SessionDirectory, bag: DiagnosticBag) -> [Entry] {
        guard let table = RecordTable(sheet, columns: RecordColumn.outcome, bag: bag) else { return [] }
        let codes = Set(catalog.countries.map(\.code))
        var out: [Entry] = []
        for row in table.rows {
            let country = table.country(row, catalog: catalog, codes: codes)
            let ids = table.sessions(row, "sessions", known: sessions)
            let kind = table.choice(row, "kind", "Kind") as OutcomeKind?
            let description = table.required(row, "description", "description", label: "Description")
            let date = table.day(row, "date", "Date")
            guard let country, let ids, let kind, let description, let date else { continue }
            let o = OutcomeRecord(country: country, sessions: ids, kind: kind, description: description, date: date, evidence: table.text(row, "evidence"))
            out.append((o, ids.compactMap { id in sessions.session(id).map { (id, $0.id) } }))
        }
        return out
    }

    /// The entries of a YAML file: `outcomes:` with one mapping per outcome
    /// (`country`, `sessions`, `kind`, `description`, `date`, optional `evidence`).
    static func entries(yaml data: Data, file: String, catalog: Catalog, sessions: SessionDirectory, bag: DiagnosticBag) -> [Entry] {
        let doc = YAMLDocument(data: data, displayPath: file, bag: bag)
        guard !doc.reportIfBlank(bag, mustHold: "`outcomes:` with one entry per outcome"), let root = doc.root,
            let top = YAMLMap(root, file: file, bag: bag, what: "the outcomes file")
        else { return [] }
        let items = top.list("outcomes") ?? []
        if !top.has("outcomes") {
            bag.add(top.location, "no `outcomes` list", hint: "write `outcomes:` followed by one `- {country: …, sessions: […], kind: …}` entry per outcome")
        }
        top.finish()
        var out: [Entry] = []
        for item in items {
            guard let m = YAMLMap(item, file: file, bag: bag, what: "an outcome") else { continue }
            var country: String?
            if let raw = m.string("country") {
                country = catalog.countries.first { $0.code == raw.uppercased() }?.code
                if country == nil { bag.add(m.location(of: "country"), "unknown country code `\(raw)`", hint: RecordTable.countryHint(raw, catalog)) }
            }
            let ids = m.locatedStrings("sessions", required: true) ?? []
            for id in ids where sessions.session(id.value) == nil {
                bag.add(id.location, "session `\(id.value)` is not in any recorded plan", hint: sessions.hint(for: id.value))
            }
            var kind: OutcomeKind?
            if let k = m.string("kind") {
                kind = OutcomeKind(rawValue: k.lowercased())
                if kind == nil { bag.add(m.location(of: "kind"), "kind `\(k)` is not an outcome kind", hint: kindHint) }
            }
            let description = m.string("description"), date = m.day("date"), evidence = m.string("evidence", required: false)
            m.finish()
            let rows = ids.compactMap { id in sessions.session(id.value).map { (id.value, $0.id) } }
            guard let country, let kind, let description, let date, !ids.isEmpty, rows.count == ids.count else { continue }
            let o = OutcomeRecord(country: country, sessions: ids.map(\.value), kind: kind, description: description, date: date, evidence: evidence)
            out.append((o, rows))
        }
        return out
    }
}
