import GRDB

extension AppDatabase {
    private static let fk = "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"

    /// The columns of `planSession` a recorded plan's sessions fill, and the `SELECT` that reads
    /// them from a plan file's JSON (`s` is a `json_each` row over `$.sessions`).
    ///
    /// Plan files that are not JSON (or hold no sessions) give no rows, never an error, so a
    /// damaged recorded version stays recorded.
    static func planSessionInsert(run: String, json: String) -> String {
        """
        INSERT OR IGNORE INTO planSession
          (planRunId, position, session, module, region, venue, language, startDay, endDay, days, participants, cash, conventions, themes)
        SELECT \(run), s.key, json_extract(s.value, '$.id'),
          coalesce(json_extract(s.value, '$.module'), ''), coalesce(json_extract(s.value, '$.region'), ''),
          json_extract(s.value, '$.venue'), coalesce(json_extract(s.value, '$.language'), ''),
          coalesce(json_extract(s.value, '$.start'), ''), coalesce(json_extract(s.value, '$.end'), ''),
          coalesce(json_extract(s.value, '$.days'), 0), coalesce(json_extract(s.value, '$.participants'), 0),
          coalesce(json_extract(s.value, '$.cost.cash'), 0),
          coalesce(json_extract(s.value, '$.conventions'), '[]'), coalesce(json_extract(s.value, '$.themes'), '[]')
        FROM json_each(CASE WHEN json_valid(\(json)) THEN \(json) ELSE '{}' END, '$.sessions') s
        WHERE s.type = 'object' AND json_type(s.value, '$.id') = 'text'
        """
    }

    /// Delivery records (monitoring.md), migration `v4-records`.
    ///
    /// `planSession` holds the sessions of every recorded plan version, filled from the plan
    /// file by a trigger when a run is recorded (and from the versions already recorded when the
    /// migration runs), so that records carry real foreign keys to a version's sessions and the
    /// indicators never decode plan files. Deliveries, attendance, follow-ups and outcome
    /// sessions point at the latest version holding their session; a row is identified by its
    /// session id (and participant, compared without regard to ASCII case), so it survives
    /// re-planning.
    static let recordsSchema: [String] = [
        """
        CREATE TABLE planSession (
          id INTEGER PRIMARY KEY,
          planRunId INTEGER NOT NULL REFERENCES planRun(id) \(fk),
          position INTEGER NOT NULL,
          session TEXT NOT NULL,
          module TEXT NOT NULL,
          region TEXT NOT NULL,
          venue TEXT,
          language TEXT NOT NULL,
          startDay TEXT NOT NULL,
          endDay TEXT NOT NULL,
          days INTEGER NOT NULL,
          participants INTEGER NOT NULL,
          cash INTEGER NOT NULL,
          conventions TEXT NOT NULL,
          themes TEXT NOT NULL,
          UNIQUE (planRunId, session))
        """,
        "CREATE INDEX planSession_on_session ON planSession(session)",
        planSessionInsert(run: "r.id", json: "r.planJSON").replacingOccurrences(
            of: "FROM json_each", with: "FROM planRun r, json_each"),
        """
        CREATE TRIGGER planRun_fills_planSession AFTER INSERT ON planRun BEGIN
        \(planSessionInsert(run: "NEW.id", json: "NEW.planJSON"));
        END
        """,
        """
        CREATE TABLE delivery (
          id INTEGER PRIMARY KEY,
          session TEXT NOT NULL UNIQUE,
          planSessionId INTEGER NOT NULL REFERENCES planSession(id) \(fk),
          startDay TEXT NOT NULL,
          endDay TEXT NOT NULL,
          venue TEXT,
          language TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('delivered', 'cancelled')),
          reason TEXT,
          cash INTEGER CHECK (cash >= 0),
          recordedAt TEXT NOT NULL)
        """,
        "CREATE INDEX delivery_on_planSessionId ON delivery(planSessionId)",
        """
        CREATE TABLE attendance (
          id INTEGER PRIMARY KEY,
          session TEXT NOT NULL,
          planSessionId INTEGER NOT NULL REFERENCES planSession(id) \(fk),
          participant TEXT NOT NULL COLLATE NOCASE,
          country TEXT NOT NULL,
          sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'undisclosed')),
          organisation TEXT NOT NULL
            CHECK (organisation IN ('government', 'ngo', 'academia', 'iplc', 'private', 'youth', 'intergovernmental', 'other')),
          focalPoint TEXT NOT NULL,
          completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
          pre INTEGER CHECK (pre BETWEEN 0 AND 100),
          post INTEGER CHECK (post BETWEEN 0 AND 100),
          reaction INTEGER CHECK (reaction BETWEEN 1 AND 5),
          UNIQUE (session, participant))
        """,
        "CREATE INDEX attendance_on_planSessionId ON attendance(planSessionId)",
        // Covers the indicators' grouped pass (no table lookups per row).
        "CREATE INDEX attendance_on_session_country ON attendance(session, country, sex, organisation, completed, pre, post)",
        "CREATE INDEX attendance_on_country ON attendance(country)",
        """
        CREATE TABLE followUp (
          id INTEGER PRIMARY KEY,
          session TEXT NOT NULL,
          planSessionId INTEGER NOT NULL REFERENCES planSession(id) \(fk),
          participant TEXT NOT NULL COLLATE NOCASE,
          applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
          date TEXT NOT NULL,
          note TEXT,
          UNIQUE (session, participant))
        """,
        "CREATE INDEX followUp_on_planSessionId ON followUp(planSessionId)",
        """
        CREATE TABLE outcome (
          id INTEGER PRIMARY KEY,
          country TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('policy', 'institutional', 'project', 'reporting', 'other')),
          description TEXT NOT NULL,
          date TEXT NOT NULL,
          evidence TEXT,
          UNIQUE (country, kind, description, date))
        """,
        """
        CREATE TABLE outcomeSession (
          id INTEGER PRIMARY KEY,
          outcomeId INTEGER NOT NULL REFERENCES outcome(id) \(fk),
          session TEXT NOT NULL,
          planSessionId INTEGER NOT NULL REFERENCES planSession(id) \(fk),
          position INTEGER NOT NULL,
          UNIQUE (outcomeId, session))
        """,
        "CREATE INDEX outcomeSession_on_session ON outcomeSession(session)",
        "CREATE INDEX outcomeSession_on_planSessionId ON outcomeSession(planSessionId)",
        """
        CREATE TABLE recordSecret (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          key BLOB NOT NULL)
        """,
    ]
}
