import Foundation
import RioExport
import RioModel
import RioStore

/// Reads a needs sheet (CSV or XLSX) or the web form's one row into needs, checking every row
/// against the catalog and the cycle with the request's own demand rules (`DemandRules`);
/// every problem goes to the bag, placed and phrased for the person who filled the sheet.
struct NeedSheet {
    let catalog: Catalog
    let horizon: DayRange
    /// The sender's region: rows of any other are refused; nil for the coordinator.
    let ownRegion: String?
    /// Ids already stored for the cycle.
    let stored: Set<String>
    /// Whether the rows come from the web form (problems name the field, not the cell).
    let form: Bool
    let bag: DiagnosticBag

    /// Sheets larger than this are refused before they are read (10 MB).
    static let maxBytes = 10 * 1024 * 1024

    /// The columns of a needs sheet (the fields of a request's demand), header names matched
    /// case-insensitively, ignoring spaces, hyphens and underscores.
    static let columns: [RecordColumn] = [
        RecordColumn(key: "id", label: "id", aliases: ["Need ID", "Need", "Demand ID", "Demand"], required: false),
        RecordColumn(key: "module", label: "module", aliases: ["Module ID", "Training module", "Course"], required: true),
        RecordColumn(key: "region", label: "region", aliases: ["Region ID"], required: false),
        RecordColumn(key: "participants", label: "participants", aliases: ["Number of participants", "Participants number", "Seats"], required: true),
        RecordColumn(key: "languages", label: "languages", aliases: ["Language", "Langs"], required: false),
        RecordColumn(key: "priority", label: "priority", aliases: ["Prio"], required: false),
        RecordColumn(key: "earliest", label: "earliest", aliases: ["Earliest start", "Earliest date", "Not before", "From"], required: false),
        RecordColumn(key: "latest", label: "latest", aliases: ["Latest end", "Latest date", "Not after", "Until", "To"], required: false),
    ]

    /// What a needs sheet must hold, for the hints about a file that is not one.
    static let expected = "a header row with the columns id, module, region, participants, languages, priority, earliest, latest and one row per need"

    // MARK: Reading the file

    /// The table of an uploaded sheet: XLSX when the bytes are a ZIP archive (`PK\u{3}\u{4}`),
    /// else CSV; whatever the file's name says.
    ///
    /// - Throws: `RioError.invalidInput` for an empty or oversized file and for anything the CSV
    ///   and XLSX readers refuse (binary data, a damaged workbook, text that is not UTF-8).
    static func read(_ data: Data, file: String) throws -> Sheet {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if data.count > maxBytes {
            throw RioError.invalidInput([
                Diagnostic(start, "the file is larger than 10 MB, far more than a needs sheet holds", hint: "send \(expected)")
            ])
        }
        if data.isEmpty { throw RioError.invalidInput([Diagnostic(start, "the file is empty", hint: "send \(expected)")]) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXSheetReader.read(data: data, file: file, sheet: nil) }
        return try CSVSheetReader.read(data: data, file: file)
    }

    /// A file name as shown in messages and stored: its last path component, without control
    /// characters, at most 120 characters; `upload` when nothing is left.
    static func displayName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        let trimmed = clean.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "upload" : String(trimmed.prefix(120))
    }

    /// The web form's fields as a one-row sheet shown as `form`: the header on row 0, the values
    /// on row 1, each field in its column of `NeedRow.fields` (other keys are ignored).
    static func formSheet(_ fields: [String: String]) -> Sheet {
        let header = NeedRow.fields.enumerated().map { Sheet.Cell(.text($1), row: 0, column: $0 + 1) }
        let values = NeedRow.fields.enumerated().map { i, key in
            Sheet.Cell(fields[key].map { .text($0) } ?? .empty, row: 1, column: i + 1)
        }
        return Sheet(file: "form", rows: [header, values])
    }

    // MARK: Checking rows

    /// The valid needs of the sheet, ids left nil where the sender gave none (all rows valid
    /// when the bag stays empty).
    func lines(_ sheet: Sheet) -> [AppDatabase.NeedLine] {
        guard let table = RecordTable(sheet, columns: NeedSheet.columns, bag: bag) else { return [] }
        if table.rows.isEmpty {
            let where_ = form ? "the form is empty" : "the sheet has no needs below its header"
            bag.add(sheet.location(row: 1, column: 1), where_, hint: form ? "fill in at least module and participants" : "add one row per need")
            return []
        }
        var seen: [String: Int] = [:]
        return table.rows.compactMap { line(table, $0, seen: &seen) }
    }

    /// One row's need, or nil after its problems went to the bag.
    func line(_ table: RecordTable, _ row: RecordTable.Row, seen: inout [String: Int]) -> AppDatabase.NeedLine? {
        let before = bag.items.count + bag.dropped
        let id = needID(table, row, seen: &seen)
        let module = table.text(row, "module").map { raw in catalog.modules.first { $0.id.lowercased() == raw.lowercased() }?.id ?? raw }
        if module == nil { add(table, row, "module", "no module", hint: "write the id of a catalog module, e.g. `\(catalog.modules.first?.id ?? "")`") }
        let region = self.region(table, row)
        let participants = number(table, row, "participants", DemandRules.participants, required: true)
        let languages = table.text(row, "languages").map(NeedSheet.languages)
        let priority = number(table, row, "priority", DemandRules.priorities, required: false)
        let earliest = day(table, row, "earliest"), latest = day(table, row, "latest")
        let problems = DemandRules.problems(
            module: module, region: region, participants: participants, languages: languages,
            earliest: earliest, latest: latest, horizon: horizon, catalog: catalog)
        for p in problems { report(p, table, row) }
        guard bag.items.count + bag.dropped == before, let module, let region, let participants else { return nil }
        return AppDatabase.NeedLine(
            needId: id, module: module, region: region, participants: participants, languages: languages, priority: priority,
            earliest: earliest, latest: latest)
    }

    /// The row's id when it gives one: a valid id, not on an earlier row, not stored already.
    func needID(_ table: RecordTable, _ row: RecordTable.Row, seen: inout [String: Int]) -> String? {
        guard let id = table.text(row, "id") else { return nil }
        let leave = form ? "leave the id empty" : "leave the cell empty"
        if !YAMLMap.isValidID(id) {
            add(
                table, row, "id", "`\(id)` is not an id",
                hint: "use letters, digits and . _ / - only, starting with a letter or digit, or \(leave) to have one made")
        } else if let first = seen[id] {
            add(table, row, "id", "id `\(id)` is on row \(first) already", hint: "give each need its own id, or \(leave) to have one made")
        } else if stored.contains(id) {
            add(table, row, "id", "id `\(id)` is already taken in this cycle", hint: "choose another id, or \(leave) to have one made")
        } else {
            seen[id] = row.number
        }
        return id
    }

    /// The row's region: the sender's own when the cell is empty; a coordinator must give one;
    /// an office may give only its own. nil after a problem (the catalog check then skips it).
    func region(_ table: RecordTable, _ row: RecordTable.Row) -> String? {
        let regions = catalog.regions.map(\.id)
        guard let raw = table.text(row, "region") else {
            if let ownRegion { return ownRegion }
            add(table, row, "region", "no region", hint: "write the id of a catalog region: \(regions.joined(separator: ", "))")
            return nil
        }
        let id = regions.first { $0.lowercased() == raw.lowercased() } ?? raw
        if let ownRegion, id != ownRegion {
            add(
                table, row, "region", "`\(raw)` is not your region",
                hint: "your office sends needs of \(ownRegion) only: write \(ownRegion) or leave it empty; the coordinator sends other regions' needs")
            return nil
        }
        return id
    }

    /// A whole number in `range`, from a number cell or its text; nil when empty or after a problem.
    func number(_ table: RecordTable, _ row: RecordTable.Row, _ key: String, _ range: ClosedRange<Int>, required: Bool) -> Int? {
        let what = key == "priority" ? "a priority from 1 (lowest) to 5" : "the number of participants, e.g. 25"
        guard let raw = table.text(row, key) else {
            if required { add(table, row, key, "no \(key)", hint: "write \(what)") }
            return nil
        }
        var value: Int?
        if case .number(let n)? = row.cells[key]?.value, n.rounded() == n, abs(n) < 1e9 { value = Int(n) } else { value = Int(raw) }
        guard let value else {
            add(table, row, key, "`\(raw)` is not a whole number", hint: "write \(what)")
            return nil
        }
        guard range.contains(value) else {
            let bound = value < range.lowerBound ? "at least \(range.lowerBound)" : "at most \(range.upperBound)"
            add(table, row, key, "\(value) is out of range (\(bound))", hint: "write \(what)")
            return nil
        }
        return value
    }

    /// A date from a workbook date cell or `YYYY-MM-DD` text; nil when empty or after a problem.
    func day(_ table: RecordTable, _ row: RecordTable.Row, _ key: String) -> Day? {
        if case .date(let d)? = row.cells[key]?.value { return d }
        guard let raw = table.text(row, key) else { return nil }
        if let d = Day(iso: raw) { return d }
        add(
            table, row, key, "`\(raw)` is not a date",
            hint: "write it as YYYY-MM-DD, from \(horizon.start.iso) to \(horizon.end.iso), or leave it empty for the cycle's \(key == "earliest" ? "start" : "end")")
        return nil
    }

    /// The language ids of a cell: separated by spaces, commas or semicolons, lower-cased, each once.
    static func languages(_ text: String) -> [String] {
        var out: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
            let l = part.lowercased()
            if !out.contains(l) { out.append(l) }
        }
        return out
    }
}
