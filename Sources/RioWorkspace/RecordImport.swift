import Foundation
import RioModel
import RioStore

/// What a `record attendance`, `record followup` or `record outcomes` run recorded.
public struct RecordImport: Sendable, Hashable {
    /// What was imported.
    public enum Kind: String, Sendable, Hashable {
        case attendance, followUp, outcome

        var singular: String { self == .attendance ? "attendance row" : self == .followUp ? "follow-up" : "outcome" }
        var plural: String { singular + "s" }
    }

    /// Attendance rows, follow-ups or outcomes.
    public var what: Kind
    /// Sessions the rows belong to, in the order given.
    public var sessions: [String]
    public var count: ImportCount
    /// Whether names were stored as keyed hashes.
    public var pseudonymised: Bool

    /// `recorded 30 attendance rows for t/d1 (2 already recorded, left as they were)`: counts
    /// only, never a name.
    public var line: String {
        let noun = count.added == 1 ? what.singular : what.plural
        var text = "recorded \(count.added) \(noun)"
        if sessions.count == 1, let s = sessions.first { text += " for \(s)" } else if sessions.count > 1 { text += " for \(sessions.count) sessions" }
        var notes: [String] = []
        if count.unchanged > 0 { notes.append("\(count.unchanged) already recorded, left as they were") }
        if count.removed > 0 { notes.append("\(count.removed) earlier rows replaced") }
        if pseudonymised { notes.append("names stored as keyed hashes") }
        return text + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
    }

    /// The table of a record file: XLSX (the first sheet, or `sheet`) when its extension is
    /// `.xlsx` or its bytes are a ZIP archive (an upload's name may say anything), else CSV.
    public static func sheet(of data: Data, file: String, sheet: String?) throws -> Sheet {
        if (file as NSString).pathExtension.lowercased() == "xlsx" || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try RecordSheetReaders.xlsx(data: data, file: file, sheet: sheet)
        }
        return try RecordSheetReaders.csv(data: data, file: file)
    }

    /// The bytes of an input file.
    ///
    /// - Throws: `RioError.unreadable` (exit 66).
    static func read(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw RioError.unreadable(path: path, reason: "no such file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw RioError.unreadable(path: path, reason: "the file cannot be read") }
        return data
    }
}

/// One sign-in sheet for `recordAttendance`: the session it belongs to and the file.
public struct SignInSheet: Sendable, Hashable {
    public var session: String
    public var file: String
    public init(session: String, file: String) { self.session = session; self.file = file }

    /// The sheets a list file names: one `SESSION FILE` line each (paths relative to the list;
    /// blank lines and `#` comments ignored).
    ///
    /// - Throws: `RioError.unreadable` for a missing list, `.invalidInput` for a line that is
    ///   not a session and a file.
    public static func list(_ path: String) throws -> [SignInSheet] {
        let text = String(decoding: try RecordImport.read(path), as: UTF8.self)
        let base = (path as NSString).deletingLastPathComponent
        var out: [SignInSheet] = [], problems: [Diagnostic] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty || t.hasPrefix("#") { continue }
            let parts = t.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                problems.append(
                    Diagnostic(SourceLocation(file: path, line: i + 1, column: 1), "not a `SESSION FILE` line", hint: "write a session id, a space and the sheet's path"))
                continue
            }
            let file = parts[1].hasPrefix("/") || base.isEmpty ? parts[1] : (base as NSString).appendingPathComponent(parts[1])
            out.append(SignInSheet(session: parts[0], file: file))
        }
        if !problems.isEmpty { throw RioError.invalidInput(problems) }
        return out
    }
}

extension Workspace {
    /// `rioplan record attendance`: validates every row of every sheet, then records them all
    /// in one transaction, or nothing.
    ///
    /// - Parameters:
    ///   - replace: replace each session's attendance instead of adding to it.
    ///   - pseudonymise: store a keyed hash (HMAC-SHA256, the workspace's secret) instead of
    ///     the participant as written.
    /// - Throws: `RioError.invalidInput` with every problem (exit 65), `.data` for a session in
    ///   no recorded plan or recorded as cancelled.
    public func recordAttendance(_ sheets: [SignInSheet], sheet name: String? = nil, replace: Bool = false, pseudonymise: Bool = false) throws
        -> RecordImport
    {
        let inputs = sheets.map { s in AttendanceInput(session: s.session, file: s.file, load: { try RecordImport.read(s.file) }) }
        return try recordAttendance(inputs, sheet: name, replace: replace, pseudonymise: pseudonymise)
    }

    /// `recordAttendance` for one sheet whose bytes are in memory (an upload), shown as
    /// `fileName`: the same checks and the same one-transaction insert.
    public func recordAttendance(
        session: String, data: Data, fileName: String, sheet name: String? = nil, replace: Bool = false, pseudonymise: Bool = false
    ) throws -> RecordImport {
        try recordAttendance([AttendanceInput(session: session, file: fileName, load: { data })], sheet: name, replace: replace, pseudonymise: pseudonymise)
    }

    /// One sign-in sheet to record: its session, the file as shown, and how to get its bytes.
    struct AttendanceInput {
        var session: String
        var file: String
        var load: () throws -> Data
    }

    /// Checks every row of every sheet, then records them all in one transaction, or nothing.
    func recordAttendance(
        _ inputs: [AttendanceInput], sheet name: String?, replace: Bool, pseudonymise: Bool, directory known: SessionDirectory? = nil
    ) throws -> RecordImport {
        let db = try database(), catalog = try self.catalog(), directory = known ?? SessionDirectory(db)
        let deliveries = try db.deliveries()
        let bag = DiagnosticBag()
        var batches: [AppDatabase.AttendanceBatch] = []
        for s in inputs {
            let target = try directory.require(s.session)
            if deliveries[s.session]?.status == DeliveryStatus.cancelled.rawValue {
                throw RioError.data(
                    "session `\(s.session)` is recorded as cancelled; record it as delivered first (`rioplan record delivery \(s.session) --status delivered`)")
            }
            let sheet = try RecordImport.sheet(of: try s.load(), file: s.file, sheet: name)
            let rows = AttendanceSheet.records(sheet, session: s.session, catalog: catalog, bag: bag)
            batches.append(AppDatabase.AttendanceBatch(session: s.session, planSessionId: target.id, rows: rows))
        }
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        if pseudonymise {
            let hash = KeyedHash(key: try db.recordSecret())
            for i in batches.indices { for j in batches[i].rows.indices { batches[i].rows[j].participant = hash.hex(batches[i].rows[j].participant) } }
        }
        let count = try db.insertAttendance(batches, replace: replace)
        return RecordImport(what: .attendance, sessions: inputs.map(\.session), count: count, pseudonymised: pseudonymise)
    }

    /// `rioplan record followup`: validates every row (session recorded, participant in the
    /// session's attendance), then records them in one transaction, or nothing.
    public func recordFollowUps(file: String, sheet name: String? = nil) throws -> RecordImport {
        let db = try database(), directory = SessionDirectory(db)
        let sheet = try RecordImport.sheet(of: try RecordImport.read(file), file: file, sheet: name)
        let hash = try db.existingRecordSecret().map { KeyedHash(key: $0) }
        let bag = DiagnosticBag()
        let rows = try FollowUpSheet.rows(sheet, sessions: directory, db: db, stored: { p in [p] + (hash.map { [$0.hex(p)] } ?? []) }, bag: bag)
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        let count = try db.insertFollowUps(rows)
        var sessions: [String] = []
        for r in rows where !sessions.contains(r.session) { sessions.append(r.session) }
        return RecordImport(what: .followUp, sessions: sessions, count: count, pseudonymised: false)
    }

    /// `rioplan record outcomes`: reads YAML (`.yaml`, `.yml`), CSV or XLSX, validates every
    /// entry, then records them in one transaction, or nothing.
    public func recordOutcomes(file: String, sheet name: String? = nil) throws -> RecordImport {
        try recordOutcomes(data: try RecordImport.read(file), fileName: file, sheet: name)
    }

    /// `recordOutcomes` for a file whose bytes are in memory (an upload), shown as `fileName`
    /// and read by its extension (`.yaml`, `.yml`, `.xlsx`, else CSV); a ZIP archive is read
    /// as XLSX whatever its name.
    public func recordOutcomes(data: Data, fileName file: String, sheet name: String? = nil) throws -> RecordImport {
        try recordOutcomes(data: data, fileName: file, sheet: name, directory: nil)
    }

    /// Checks every outcome against `known` (default: every recorded session), then records
    /// them in one transaction, or nothing.
    func recordOutcomes(data: Data, fileName file: String, sheet name: String?, directory known: SessionDirectory?) throws -> RecordImport {
        let db = try database(), catalog = try self.catalog(), directory = known ?? SessionDirectory(db)
        let bag = DiagnosticBag()
        let ext = (file as NSString).pathExtension.lowercased()
        let zip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        let entries =
            (ext == "yaml" || ext == "yml") && !zip
            ? OutcomeFile.entries(yaml: data, file: file, catalog: catalog, sessions: directory, bag: bag)
            : OutcomeFile.entries(try RecordImport.sheet(of: data, file: file, sheet: name), catalog: catalog, sessions: directory, bag: bag)
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        let count = try db.insertOutcomes(entries)
        var sessions: [String] = []
        for e in entries { for s in e.outcome.sessions where !sessions.contains(s) { sessions.append(s) } }
        return RecordImport(what: .outcome, sessions: sessions, count: count, pseudonymised: false)
    }
}
