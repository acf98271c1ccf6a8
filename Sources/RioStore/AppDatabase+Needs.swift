import Foundation
import GRDB
import RioModel

extension AppDatabase {
    private static let needFK = "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"

    /// Needs sent by the regional offices for a planning cycle (serve.md, "Needs intake"),
    /// migration `v6-needs`.
    ///
    /// A `needSubmission` is one sheet or form sent: who, when, from which file; its `need` rows
    /// are the demands it asked for. A need's id is unique in its cycle.
    static let needsSchema: [String] = [
        """
        CREATE TABLE needSubmission (
          id INTEGER PRIMARY KEY,
          cycle TEXT NOT NULL,
          region TEXT NOT NULL,
          sender TEXT NOT NULL,
          submittedAt TEXT NOT NULL,
          source TEXT NOT NULL)
        """,
        "CREATE INDEX needSubmission_on_cycle ON needSubmission(cycle)",
        """
        CREATE TABLE need (
          id INTEGER PRIMARY KEY,
          submissionId INTEGER NOT NULL REFERENCES needSubmission(id) \(needFK),
          position INTEGER NOT NULL,
          cycle TEXT NOT NULL,
          needId TEXT NOT NULL,
          module TEXT NOT NULL,
          region TEXT NOT NULL,
          participants INTEGER NOT NULL CHECK (participants >= 1),
          languages TEXT,
          priority INTEGER CHECK (priority BETWEEN 1 AND 5),
          earliest TEXT,
          latest TEXT,
          UNIQUE (cycle, needId))
        """,
        "CREATE INDEX need_on_submissionId ON need(submissionId)",
    ]

    /// One need as stored: a demand of a request's `demand` list.
    public struct NeedLine: Sendable, Hashable {
        /// The need's id in its cycle; nil before `insertNeeds` generates one.
        public var needId: String?
        public var module: String
        public var region: String
        public var participants: Int
        /// nil: all of the module's languages.
        public var languages: [String]?
        public var priority: Int?
        public var earliest: Day?
        public var latest: Day?

        /// A need.
        public init(
            needId: String?, module: String, region: String, participants: Int, languages: [String]?, priority: Int?,
            earliest: Day?, latest: Day?
        ) {
            self.needId = needId; self.module = module; self.region = region; self.participants = participants
            self.languages = languages; self.priority = priority; self.earliest = earliest; self.latest = latest
        }
    }

    /// One submission as stored, with its needs in the order sent.
    public struct NeedBatch: Sendable, Hashable {
        /// The row id (0 before it is stored).
        public var id: Int64
        public var cycle: String
        /// The sender's region, or the regions of its rows for a coordinator.
        public var region: String
        public var sender: String
        public var submittedAt: Date
        /// `form`, or the uploaded file's name.
        public var source: String
        public var lines: [NeedLine]

        /// A submission.
        public init(id: Int64 = 0, cycle: String, region: String, sender: String, submittedAt: Date, source: String, lines: [NeedLine]) {
            self.id = id; self.cycle = cycle; self.region = region; self.sender = sender
            self.submittedAt = submittedAt; self.source = source; self.lines = lines
        }
    }

    /// Stores a submission and its needs in one transaction, giving each need without an id
    /// the next free `n-REGION-NNN` of the cycle; returns the submission as stored.
    ///
    /// - Throws: `RioError.data` when an id was taken meanwhile by another submission.
    public func insertNeeds(_ batch: NeedBatch) throws -> NeedBatch {
        do {
            return try writer.write { db in try AppDatabase.insertNeeds(batch, db) }
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw RioError.data("a need id of this sheet was stored by another submission a moment ago; nothing was stored, send the sheet again")
        } catch let e as DatabaseError {
            throw RioError.cannotWrite(path: path, reason: AppDatabase.describe(e))
        }
    }

    private static func insertNeeds(_ batch: NeedBatch, _ db: Database) throws -> NeedBatch {
        var out = batch
        var taken = Set(try String.fetchAll(db, sql: "SELECT needId FROM need WHERE cycle = ?", arguments: [batch.cycle]))
        for l in batch.lines { if let id = l.needId { taken.insert(id) } }
        var next: [String: Int] = [:]
        for i in out.lines.indices where out.lines[i].needId == nil {
            let region = out.lines[i].region
            var n = next[region] ?? 1
            while taken.contains(generatedID(region, n)) { n += 1 }
            out.lines[i].needId = generatedID(region, n)
            taken.insert(generatedID(region, n))
            next[region] = n + 1
        }
        try db.execute(
            sql: "INSERT INTO needSubmission (cycle, region, sender, submittedAt, source) VALUES (?, ?, ?, ?, ?)",
            arguments: [batch.cycle, batch.region, batch.sender, ISO8601DateFormatter().string(from: batch.submittedAt), batch.source])
        out.id = db.lastInsertedRowID
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO need (submissionId, position, cycle, needId, module, region, participants, languages, priority, earliest, latest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (i, l) in out.lines.enumerated() {
            try insert.execute(arguments: [
                out.id, i, batch.cycle, l.needId, l.module, l.region, l.participants, l.languages?.joined(separator: " "),
                l.priority, l.earliest?.iso, l.latest?.iso,
            ])
        }
        return out
    }

    /// `n-africa-007`: the `n`th generated id of a region.
    static func generatedID(_ region: String, _ n: Int) -> String {
        let digits = String(n)
        return "n-\(region)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The ids of the needs stored for `cycle`.
    public func needIDs(cycle: String) throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT needId FROM need WHERE cycle = ?", arguments: [cycle])) }
    }

    /// The submissions of `cycle`, oldest first, each with its needs in the order sent;
    /// `region` keeps only the needs of that region (and the submissions holding one).
    public func needBatches(cycle: String, region: String? = nil) throws -> [NeedBatch] {
        try read { db in
            var batches: [NeedBatch] = []
            var index: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM needSubmission WHERE cycle = ? ORDER BY id", arguments: [cycle]) {
                let stamp: String = row["submittedAt"]
                let b = NeedBatch(
                    id: row["id"], cycle: row["cycle"], region: row["region"], sender: row["sender"],
                    submittedAt: ISO8601DateFormatter().date(from: stamp) ?? Date(timeIntervalSince1970: 0), source: row["source"], lines: [])
                index[b.id] = batches.count
                batches.append(b)
            }
            let sql = "SELECT * FROM need WHERE cycle = ?" + (region == nil ? "" : " AND region = ?") + " ORDER BY submissionId, position"
            let args: StatementArguments = region.map { [cycle, $0] } ?? [cycle]
            for row in try Row.fetchAll(db, sql: sql, arguments: args) {
                guard let i = index[row["submissionId"]] else { continue }
                batches[i].lines.append(AppDatabase.needLine(row))
            }
            return batches.filter { region == nil || !$0.lines.isEmpty }
        }
    }

    private static func needLine(_ row: Row) -> NeedLine {
        let languages: String? = row["languages"], earliest: String? = row["earliest"], latest: String? = row["latest"]
        return NeedLine(
            needId: row["needId"], module: row["module"], region: row["region"], participants: row["participants"],
            languages: languages.map { $0.split(separator: " ").map(String.init) }, priority: row["priority"],
            earliest: earliest.flatMap(Day.init(iso:)), latest: latest.flatMap(Day.init(iso:)))
    }

    /// The region of a stored need, nil when the cycle has no need with that id.
    public func needRegion(cycle: String, needId: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT region FROM need WHERE cycle = ? AND needId = ?", arguments: [cycle, needId]) }
    }

    /// Removes a need, and its submission when it held no other; returns whether one was removed.
    @discardableResult
    public func deleteNeed(cycle: String, needId: String) throws -> Bool {
        try write { db in
            guard let submission = try Int64.fetchOne(db, sql: "SELECT submissionId FROM need WHERE cycle = ? AND needId = ?", arguments: [cycle, needId])
            else { return false }
            try db.execute(sql: "DELETE FROM need WHERE cycle = ? AND needId = ?", arguments: [cycle, needId])
            try db.execute(
                sql: "DELETE FROM needSubmission WHERE id = ? AND NOT EXISTS (SELECT 1 FROM need WHERE submissionId = ?)",
                arguments: [submission, submission])
            return true
        }
    }

    /// The sessions of the latest recorded version of each session id whose region is
    /// `region`, by session id: what a regional office may record.
    public func latestSessions(region: String) throws -> [StoredSession] {
        try read { db in
            try StoredSession.fetchAll(
                db,
                sql: """
                    SELECT ps.* FROM planSession ps JOIN planRun r ON r.id = ps.planRunId
                    WHERE ps.region = ? AND r.version = (
                      SELECT max(r2.version) FROM planSession ps2 JOIN planRun r2 ON r2.id = ps2.planRunId WHERE ps2.session = ps.session)
                    ORDER BY ps.session
                    """, arguments: [region])
        }
    }
}
