import RioModel
import RioStore

/// The records of the selected plans, read once: the sessions of each plan's latest recorded
/// version with what became of them, their attendance and follow-up tallies, and the outcomes
/// stemming from them. What the indicators, the delivered list and the report data are made of.
struct RecordSnapshot {
    /// One planned session with its delivery.
    struct Line {
        let stored: StoredSession
        let delivery: DeliveryRecord?
        /// Recorded as delivered, or attendance recorded without a delivery record.
        let status: DeliveryStatus?
        /// Days of the session as delivered: the plan's when the dates are as planned, else the
        /// actual dates' inclusive count.
        let days: Int
        let tallies: [AttendanceTally]
        let participants: Int
        /// Actual cash, else planned.
        var cash: Int { delivery?.cash ?? stored.cash }
    }

    /// `NAME@N` of each plan read.
    let labels: [String]
    let lines: [Line]
    let followUps: [String: [FollowUpTally]]
    let outcomes: [RecordedOutcome]

    /// Reads the latest recorded version of each of `plans` (all recorded plans when empty).
    ///
    /// - Throws: `RioError.usage` for a plan with no recorded version.
    init(db: AppDatabase, plans: [String], country: String? = nil) throws {
        let names = plans.isEmpty ? try db.recordedPlanNames() : plans
        var labels: [String] = [], sessions: [StoredSession] = []
        for name in names {
            guard let run = try db.latestPlanRun(name: name), let id = run.id else {
                throw RioError.usage("no recorded version of plan `\(name)`; record one with `rioplan plan`, or see `rioplan history \(name)`")
            }
            labels.append("\(name)@\(run.version)")
            sessions += try db.sessions(ofRun: id)
        }
        let deliveries = try db.deliveries()
        var tallies: [String: [AttendanceTally]] = [:]
        for t in try db.attendanceTallies(country: country) { tallies[t.session, default: []].append(t) }
        var lines: [Line] = []
        for s in sessions {
            let d = deliveries[s.session]?.record
            let t = tallies[s.session] ?? []
            let n = t.reduce(0) { $0 + $1.participants }
            let status = d?.status ?? (n > 0 ? .delivered : nil)
            var days = s.days
            if let d, d.start.iso != s.startDay || d.end.iso != s.endDay { days = d.end.number - d.start.number + 1 }
            lines.append(Line(stored: s, delivery: d, status: status, days: days, tallies: t, participants: n))
        }
        var follow: [String: [FollowUpTally]] = [:]
        for f in try db.followUpTallies() { follow[f.session, default: []].append(f) }
        let ids = Set(sessions.map(\.session))
        self.labels = labels
        self.lines = lines
        self.followUps = follow
        self.outcomes = try db.recordedOutcomes().filter { $0.sessions.contains(where: ids.contains) }
    }
}
