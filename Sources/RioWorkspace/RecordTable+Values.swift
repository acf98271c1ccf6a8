import RioModel

extension RecordTable {
    /// A catalog country code (upper-cased), or a diagnostic with the nearest code or the
    /// code of a country written by name.
    func country(_ row: Row, catalog: Catalog, codes: Set<String>) -> String? {
        guard let raw = required(row, "country", "country code", label: "Country") else { return nil }
        let code = raw.uppercased()
        if codes.contains(code) { return code }
        bag.add(location(row, "country"), "unknown country code `\(raw)`", hint: RecordTable.countryHint(raw, catalog))
        return nil
    }

    /// `did you mean `KEN` (Kenya)? write …`, or what to write.
    static func countryHint(_ raw: String, _ catalog: Catalog) -> String {
        let what = "write the ISO 3166-1 alpha-3 code of a country in countries.yaml, e.g. KEN for Kenya"
        if let byName = catalog.countries.first(where: { $0.name.lowercased() == raw.lowercased() }) {
            return "did you mean `\(byName.code)` (\(byName.name))? Country codes are ISO 3166-1 alpha-3, as in countries.yaml"
        }
        if let best = Suggestion.closest(to: raw.uppercased(), among: catalog.countries.map(\.code)),
            let c = catalog.countries.first(where: { $0.code == best })
        {
            return "did you mean `\(c.code)` (\(c.name))? Country codes are ISO 3166-1 alpha-3, as in countries.yaml"
        }
        return what
    }

    /// A value of a closed list (case-insensitive, with a few common spellings), or a
    /// diagnostic listing the accepted values.
    func choice<T: RawRepresentable & CaseIterable>(
        _ row: Row, _ key: String, _ label: String, aliases: [String: T] = [:], required: Bool = true
    ) -> T? where T.RawValue == String {
        guard let raw = required ? self.required(row, key, label.lowercased(), label: label) : text(row, key) else { return nil }
        let k = raw.lowercased()
        if let v = T(rawValue: k) ?? aliases[k] { return v }
        let list = T.allCases.map(\.rawValue).joined(separator: ", ")
        bag.add(location(row, key), "\(label.lowercased()) `\(raw)` is not one of \(list)", hint: "write one of them")
        return nil
    }

    /// yes/no (also y/n, true/false, 1/0, a workbook's TRUE/FALSE), or a diagnostic.
    func yesNo(_ row: Row, _ key: String, _ label: String) -> Bool? {
        if case .bool(let b)? = row.cells[key]?.value { return b }
        guard let raw = required(row, key, label.lowercased(), label: label) else { return nil }
        switch raw.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            bag.add(location(row, key), "\(label.lowercased()) `\(raw)` is not yes or no", hint: "write yes or no")
            return nil
        }
    }

    /// An optional whole number in `range`; `ok` false after a diagnostic.
    func score(_ row: Row, _ key: String, _ what: String, _ range: ClosedRange<Int>) -> (value: Int?, ok: Bool) {
        guard let raw = text(row, key) else { return (nil, true) }
        if let v = Int(raw), range.contains(v) { return (v, true) }
        let problem = Double(raw) == nil ? "\(what) `\(raw)` is not a number" : "\(what) \(raw) is out of range"
        bag.add(
            location(row, key), problem, hint: "write a whole number from \(range.lowerBound) to \(range.upperBound), or leave it empty")
        return (nil, false)
    }

    /// A date (a workbook date, or `YYYY-MM-DD` text), or a diagnostic.
    func day(_ row: Row, _ key: String, _ label: String) -> Day? {
        if case .date(let d)? = row.cells[key]?.value { return d }
        guard let raw = required(row, key, label.lowercased(), label: label) else { return nil }
        if let d = Day(iso: raw) { return d }
        bag.add(location(row, key), "\(label.lowercased()) `\(raw)` is not a date", hint: "write it as YYYY-MM-DD, e.g. 2027-03-01")
        return nil
    }

    /// The session ids of a field (separated by commas, semicolons or spaces), each checked
    /// against the recorded plans.
    func sessions(_ row: Row, _ key: String, known: SessionDirectory) -> [String]? {
        guard let raw = required(row, key, "session", label: "Session") else { return nil }
        let ids = raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        var ok = true
        for id in ids where known.session(id) == nil {
            bag.add(location(row, key), "session `\(id)` is not in any recorded plan", hint: known.hint(for: id))
            ok = false
        }
        return ok ? ids : nil
    }
}
