import Foundation
import GRDB
import RioModel

/// What one import did: rows added, rows already recorded (left as they were), rows removed
/// by `--replace`.
public struct ImportCount: Sendable, Hashable, Codable {
    /// Rows recorded by this import.
    public var added: Int
    /// Rows already recorded (same session and participant, or the same outcome), left as they were.
    public var unchanged: Int
    /// Rows removed first (`--replace`).
    public var removed: Int

    /// The counts of an import.
    public init(added: Int = 0, unchanged: Int = 0, removed: Int = 0) { self.added = added; self.unchanged = unchanged; self.removed = removed }
}

extension AppDatabase {
    /// The session row of the latest recorded version holding `session`, or nil when no
    /// recorded version has it.
    public func latestSession(_ session: String) throws -> StoredSession? {
        try read { db in
            try StoredSession.fetchOne(
                db,
                sql: """
                    SELECT ps.* FROM planSession ps JOIN planRun r ON r.id = ps.planRunId
                    WHERE ps.session = ? ORDER BY r.version DESC LIMIT 1
                    """, arguments: [session])
        }
    }

    /// Every session id of every recorded version, sorted (for "did you mean").
    public func recordedSessionIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT session FROM planSession ORDER BY session") }
    }

    /// The sessions of one recorded version, in plan order.
    public func sessions(ofRun runID: Int64) throws -> [StoredSession] {
        try read { db in
            try StoredSession.filter(StoredSession.Columns.planRunId == runID).order(StoredSession.Columns.position).fetchAll(db)
        }
    }

    /// The workspace's secret for keyed hashes of names, created (32 random bytes) on first use.
    public func recordSecret() throws -> Data {
        try write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT key FROM recordSecret WHERE id = 1") { return key }
            let key = KeyedHash.newKey()
            try db.execute(sql: "INSERT INTO recordSecret (id, key) VALUES (1, ?)", arguments: [key])
            return key
        }
    }

    /// The secret if one was created, else nil (reading never creates it).
    public func existingRecordSecret() throws -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT key FROM recordSecret WHERE id = 1") }
    }

    /// One session's sign-in rows for `insertAttendance`.
    public struct AttendanceBatch: Sendable {
        /// The plan session id.
        public var session: String
        /// Its row in `planSession` (the latest recorded version holding it).
        public var planSessionId: Int64
        /// The sign-in rows, validated.
        public var rows: [AttendanceRecord]

        /// A batch of one session.
        public init(session: String, planSessionId: Int64, rows: [AttendanceRecord]) {
            self.session = session; self.planSessionId = planSessionId; self.rows = rows
        }
    }

    /// Records the attendance of one or more sessions in one transaction with one prepared
    /// statement.
    ///
    /// Rows already recorded for the same session and participant are left as they are;
    /// `replace` first removes each session's attendance.
    ///
    /// - Complexity: O(rows), one statement execution per row.
    public func insertAttendance(_ batches: [AttendanceBatch], replace: Bool) throws -> ImportCount {
        try write { db in
            var count = ImportCount()
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO attendance (session, planSessionId, participant, country, sex, organisation, focalPoint, completed, pre, post, reaction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, participant) DO NOTHING
                    """)
            let delete = try db.makeStatement(sql: "DELETE FROM attendance WHERE session = ?")
            for b in batches {
                if replace {
                    try delete.execute(arguments: [b.session])
                    count.removed += db.changesCount
                }
                for r in b.rows {
                    try insert.execute(arguments: [
                        b.session, b.planSessionId, r.participant, r.country, r.sex.rawValue, r.organisation.rawValue,
                        r.focalPoint.joined(separator: ","), r.completed, r.pre, r.post, r.reaction,
                    ])
                    if db.changesCount > 0 { count.added += 1 } else { count.unchanged += 1 }
                }
            }
            return count
        }
    }

    /// How many attendance rows a session has.
    public func attendanceCount(session: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance WHERE session = ?", arguments: [session]) ?? 0 }
    }

    /// The participants recorded for each of `sessions` (as stored: names, ids or keyed hashes),
    /// to check follow-ups against. Never shown to anyone.
    public func participants(of sessions: Set<String>) throws -> [String: Set<String>] {
        try read { db in
            var out: [String: Set<String>] = [:]
            let stmt = try db.makeStatement(sql: "SELECT participant FROM attendance WHERE session = ?")
            for s in sessions { out[s] = Set(try String.fetchAll(stmt, arguments: [s])) }
            return out
        }
    }

    /// Records (or replaces) the delivery of a session.
    ///
    /// - Throws: `RioError.data` when cancelling a session that has attendance recorded.
    public func recordDelivery(_ d: DeliveryRecord, planSessionId: Int64, recordedAt: Date = Date()) throws {
        let stamp = ISO8601DateFormatter().string(from: recordedAt)
        try write { db in
            try db.execute(sql: "DELETE FROM delivery WHERE session = ?", arguments: [d.session])
            var row = StoredDelivery(d, planSessionId: planSessionId, recordedAt: stamp)
            try row.insert(db)
        }
    }

    /// Every delivery record, by session id.
    public func deliveries() throws -> [String: StoredDelivery] {
        try read { db in
            Dictionary(try StoredDelivery.fetchAll(db).map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Records follow-ups in one transaction; an answer already recorded for the same session
    /// and participant is left as it is.
    public func insertFollowUps(_ rows: [StoredFollowUp]) throws -> ImportCount {
        try write { db in
            var count = ImportCount()
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO followUp (session, planSessionId, participant, applied, date, note) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session, participant) DO NOTHING
                    """)
            for r in rows {
                try insert.execute(arguments: [r.session, r.planSessionId, r.participant, r.applied, r.date, r.note])
                if db.changesCount > 0 { count.added += 1 } else { count.unchanged += 1 }
            }
            return count
        }
    }

    /// Records outcomes with their sessions (session id and session row) in one transaction;
    /// an outcome already recorded (same country, kind, description and date) is left as it is.
    public func insertOutcomes(_ rows: [(outcome: OutcomeRecord, sessions: [(String, Int64)])]) throws -> ImportCount {
        try write { db in
            var count = ImportCount()
            for (o, sessions) in rows {
                let exists = try StoredOutcome.filter(
                    StoredOutcome.Columns.country == o.country && Column("kind") == o.kind.rawValue && Column("description") == o.description
                        && Column("date") == o.date.iso
                ).fetchCount(db)
                if exists > 0 {
                    count.unchanged += 1
                    continue
                }
                var row = StoredOutcome(o)
                try row.insert(db)
                guard let id = row.id else { continue }
                for (i, s) in sessions.enumerated() {
                    var link = StoredOutcomeSession(outcomeId: id, session: s.0, planSessionId: s.1, position: i)
                    try link.insert(db)
                }
                count.added += 1
            }
            return count
        }
    }
}
