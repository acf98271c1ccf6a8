import RioModel
import RioStore

/// Reads a follow-up survey sheet, checking every row against the recorded plans and the
/// sessions' attendance; problems go to the bag.
enum FollowUpSheet {
    /// The valid rows as stored (participants as the attendance stores them).
    ///
    /// - Parameter stored: maps a participant as written to the forms the attendance may hold
    ///   (the name itself, and its keyed hash when a secret exists).
    static func rows(
        _ sheet: Sheet, sessions: SessionDirectory, db: AppDatabase, stored: (String) -> [String], bag: DiagnosticBag
    ) throws -> [StoredFollowUp] {
        guard let table = RecordTable(sheet, columns: RecordColumn.followUp, bag: bag) else { return [] }
        let ids = Set(table.rows.compactMap { table.text($0, "session") })
        // Participants as stored, by their lower-cased form (names are compared regardless of case).
        let attendance = try db.participants(of: Set(ids.filter { sessions.session($0) != nil })).mapValues { set in
            Dictionary(set.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        }
        var seen: [String: Int] = [:]
        var out: [StoredFollowUp] = []
        for row in table.rows {
            var session: StoredSession?
            if let id = table.required(row, "session", "session id", label: "Session") {
                session = sessions.session(id)
                if session == nil {
                    bag.add(table.location(row, "session"), "session `\(id)` is not in any recorded plan", hint: sessions.hint(for: id))
                }
            }
            var participant: String?
            if let p = table.required(row, "participant", "participant name or id", label: "Participant"), let s = session {
                participant = stored(AttendanceSheet.normal(p)).lazy.compactMap { attendance[s.session]?[$0.lowercased()] }.first
                if participant == nil {
                    bag.add(
                        table.location(row, "participant"), "no attendance of this participant is recorded for session `\(s.session)`",
                        hint: "import the session's sign-in sheet first, or correct the participant")
                } else if let p = participant, let first = seen[s.session + "\u{1}" + p] {
                    bag.add(
                        table.location(row, "participant"), "the follow-up of this participant is on row \(first) already",
                        hint: "remove one of the two rows (one follow-up per participant and session)")
                } else if let p = participant {
                    seen[s.session + "\u{1}" + p] = row.number
                }
            }
            let applied = table.yesNo(row, "applied", "Applied")
            let date = table.day(row, "date", "Date")
            guard let session, let participant, let applied, let date else { continue }
            let record = FollowUpRecord(session: session.session, participant: participant, applied: applied, date: date, note: table.text(row, "note"))
            out.append(StoredFollowUp(record, planSessionId: session.id))
        }
        return out
    }
}
