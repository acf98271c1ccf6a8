import GRDB
import RioModel

/// The attendance of one session from one country, summed: what the indicators are made of.
public struct AttendanceTally: Sendable, Hashable {
    /// The plan session id.
    public var session: String
    /// The participants' country code.
    public var country: String
    /// Attendance rows.
    public var participants: Int
    /// Participants whose sex is `female`.
    public var women: Int
    /// Participants whose sex is not `undisclosed`.
    public var disclosed: Int
    /// Participants who completed the session.
    public var completed: Int
    /// Sum of `post - pre` over the participants with both, and how many they are.
    public var gainSum: Int
    public var gainCount: Int
    /// Participants from youth organisations, and from Indigenous peoples and local communities.
    public var youth: Int
    public var iplc: Int
}

/// Follow-ups of one session's participants from one country.
public struct FollowUpTally: Sendable, Hashable {
    /// The plan session id.
    public var session: String
    /// The participants' country code.
    public var country: String
    /// Participants followed up, and how many of them applied what they learned.
    public var followed: Int
    public var applied: Int
}

/// A recorded outcome with the ids of its sessions, in the order given.
public struct RecordedOutcome: Sendable, Hashable {
    /// The outcome.
    public var record: OutcomeRecord
    /// The session ids it stems from.
    public var sessions: [String]
}

extension AppDatabase {
    /// Attendance summed per session and country, by session then country.
    ///
    /// - Complexity: one pass over the `attendance_on_session_country` index.
    public func attendanceTallies(country: String? = nil) throws -> [AttendanceTally] {
        try read { db in
            let filter = country == nil ? "" : "WHERE country = ?"
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT session, country, count(*), sum(sex = 'female'), sum(sex <> 'undisclosed'), sum(completed),
                      coalesce(sum(post - pre), 0), count(post - pre), sum(organisation = 'youth'), sum(organisation = 'iplc')
                    FROM attendance \(filter) GROUP BY session, country ORDER BY session, country
                    """, arguments: StatementArguments(country.map { [$0] } ?? []))
            var out: [AttendanceTally] = []
            while let r = try rows.next() {
                out.append(
                    AttendanceTally(
                        session: r[0], country: r[1], participants: r[2], women: r[3], disclosed: r[4], completed: r[5], gainSum: r[6],
                        gainCount: r[7], youth: r[8], iplc: r[9]))
            }
            return out
        }
    }

    /// Follow-ups summed per session and the participant's country.
    public func followUpTallies() throws -> [FollowUpTally] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.session, a.country, count(*), sum(f.applied) FROM followUp f
                    JOIN attendance a ON a.session = f.session AND a.participant = f.participant
                    GROUP BY f.session, a.country ORDER BY f.session, a.country
                    """)
            return rows.map { FollowUpTally(session: $0[0], country: $0[1], followed: $0[2], applied: $0[3]) }
        }
    }

    /// National focal points among a country's participants: per session, per convention id.
    public func focalPoints(country: String) throws -> [String: [String: Int]] {
        try read { db in
            var out: [String: [String: Int]] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT session, focalPoint FROM attendance WHERE country = ? AND focalPoint <> ''", arguments: [country])
            for r in rows {
                let session: String = r[0], list: String = r[1]
                for c in list.split(separator: ",") { out[session, default: [:]][String(c), default: 0] += 1 }
            }
            return out
        }
    }

    /// Every recorded outcome with its sessions, in the order recorded.
    public func recordedOutcomes() throws -> [RecordedOutcome] {
        try read { db in
            let outcomes = try StoredOutcome.order(StoredOutcome.Columns.id).fetchAll(db)
            var sessions: [Int64: [String]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT outcomeId, session FROM outcomeSession ORDER BY outcomeId, position") {
                sessions[r[0], default: []].append(r[1])
            }
            return outcomes.compactMap { o in
                guard let id = o.id, let kind = OutcomeKind(rawValue: o.kind), let date = Day(iso: o.date) else { return nil }
                let record = OutcomeRecord(
                    country: o.country, sessions: sessions[id] ?? [], kind: kind, description: o.description, date: date, evidence: o.evidence)
                return RecordedOutcome(record: record, sessions: sessions[id] ?? [])
            }
        }
    }

    /// The names of every recorded plan, sorted.
    public func recordedPlanNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM planRun ORDER BY name") }
    }
}
