import GRDB

extension AppDatabase {
    /// The shared platform (serve.md), migration `v5-publishing-and-access`.
    ///
    /// - `publication`: the plan versions the platform shows, one row per published version
    ///   (a real foreign key to its `planRun`).
    /// - `accessPrincipal`: who may use the platform. A person's two tokens are stored as a
    ///   selector (the token's public half, looked up by index) and the keyed hash of the whole
    ///   token, never the token itself; a name is unique among live (unrevoked) entries, so a
    ///   revoked person's entry stays listed and the name can be given access again.
    /// - `webSession`: signed-in browsers, by the keyed hash of the cookie value; a person's
    ///   sessions go with their entry.
    /// - `accessSecret`: the workspace's key for those keyed hashes (like `recordSecret`).
    static let publishingSchema: [String] = [
        """
        CREATE TABLE publication (
          id INTEGER PRIMARY KEY,
          planRunId INTEGER NOT NULL REFERENCES planRun(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
          name TEXT NOT NULL,
          version INTEGER NOT NULL CHECK (version >= 1),
          publishedAt TEXT NOT NULL,
          publishedBy TEXT NOT NULL,
          UNIQUE (name, version))
        """,
        "CREATE INDEX publication_on_planRunId ON publication(planRunId)",
        """
        CREATE TABLE accessPrincipal (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL,
          signInSelector TEXT NOT NULL UNIQUE,
          signInMAC TEXT NOT NULL,
          feedSelector TEXT NOT NULL UNIQUE,
          feedMAC TEXT NOT NULL,
          createdAt TEXT NOT NULL,
          revokedAt TEXT,
          lastSeenAt TEXT)
        """,
        "CREATE UNIQUE INDEX accessPrincipal_live_name ON accessPrincipal(name) WHERE revokedAt IS NULL",
        """
        CREATE TABLE webSession (
          id INTEGER PRIMARY KEY,
          cookieMAC TEXT NOT NULL UNIQUE,
          principalId INTEGER NOT NULL REFERENCES accessPrincipal(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
          createdAt TEXT NOT NULL,
          expiresAt TEXT NOT NULL)
        """,
        "CREATE INDEX webSession_on_principalId ON webSession(principalId)",
        "CREATE INDEX webSession_on_expiresAt ON webSession(expiresAt)",
        """
        CREATE TABLE accessSecret (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          key BLOB NOT NULL)
        """,
    ]
}
