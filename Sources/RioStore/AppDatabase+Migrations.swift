import GRDB

extension AppDatabase {
    /// The schema, one migration per step; applied in order when a database opens.
    ///
    /// Catalog tables are singular and camelCased with explicit `id` primary keys and real foreign
    /// keys (deferred, so one transaction may insert rows in any order). `searchEntry` is an FTS5
    /// table created with SQL because GRDB's FTS5 API is not compiled on Linux.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-catalog") { db in
            for sql in catalogSchema { try db.execute(sql: sql) }
        }
        m.registerMigration("v2-history") { db in
            try db.execute(sql: historySchema)
        }
        m.registerMigration("v3-countries-and-own-terms") { db in
            for sql in countrySchema { try db.execute(sql: sql) }
        }
        m.registerMigration("v4-records") { db in
            for sql in recordsSchema { try db.execute(sql: sql) }
        }
        m.registerMigration("v5-publishing-and-access") { db in
            for sql in publishingSchema { try db.execute(sql: sql) }
        }
        m.registerMigration("v6-needs") { db in
            for sql in needsSchema { try db.execute(sql: sql) }
        }
        return m
    }

    private static let fk = "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"

    static let catalogSchema: [String] = [
        """
        CREATE TABLE convention (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          secretariat TEXT)
        """,
        """
        CREATE TABLE theme (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          label TEXT NOT NULL,
          parentId TEXT REFERENCES theme(id) \(fk))
        """,
        "CREATE INDEX theme_on_parentId ON theme(parentId)",
        """
        CREATE TABLE themeTerm (
          id INTEGER PRIMARY KEY,
          themeId TEXT NOT NULL REFERENCES theme(id) \(fk),
          conventionId TEXT NOT NULL REFERENCES convention(id) \(fk),
          position INTEGER NOT NULL,
          term TEXT NOT NULL)
        """,
        "CREATE INDEX themeTerm_on_themeId ON themeTerm(themeId)",
        """
        CREATE TABLE mandate (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          conventionId TEXT NOT NULL REFERENCES convention(id) \(fk),
          symbol TEXT NOT NULL,
          title TEXT NOT NULL,
          year INTEGER NOT NULL,
          body TEXT,
          paragraphs TEXT,
          audiences TEXT NOT NULL,
          summary TEXT NOT NULL,
          source TEXT,
          file TEXT NOT NULL,
          line INTEGER NOT NULL)
        """,
        "CREATE INDEX mandate_on_conventionId ON mandate(conventionId)",
        """
        CREATE TABLE mandateTheme (
          id INTEGER PRIMARY KEY,
          mandateId TEXT NOT NULL REFERENCES mandate(id) \(fk),
          themeId TEXT NOT NULL REFERENCES theme(id) \(fk),
          position INTEGER NOT NULL,
          UNIQUE (mandateId, themeId))
        """,
        "CREATE INDEX mandateTheme_on_themeId ON mandateTheme(themeId)",
        """
        CREATE TABLE module (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          title TEXT NOT NULL,
          summary TEXT,
          delivery TEXT NOT NULL CHECK (delivery IN ('in-person', 'hybrid', 'online')),
          days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 5),
          trainers INTEGER NOT NULL CHECK (trainers >= 1),
          languages TEXT NOT NULL,
          maxParticipants INTEGER NOT NULL CHECK (maxParticipants >= 0),
          materialsPerParticipant INTEGER NOT NULL CHECK (materialsPerParticipant >= 0),
          onlinePlatformCost INTEGER NOT NULL CHECK (onlinePlatformCost >= 0),
          partners TEXT NOT NULL,
          file TEXT NOT NULL,
          line INTEGER NOT NULL)
        """,
        """
        CREATE TABLE moduleMandate (
          id INTEGER PRIMARY KEY,
          moduleId TEXT NOT NULL REFERENCES module(id) \(fk),
          mandateId TEXT NOT NULL REFERENCES mandate(id) \(fk),
          position INTEGER NOT NULL,
          UNIQUE (moduleId, mandateId))
        """,
        "CREATE INDEX moduleMandate_on_mandateId ON moduleMandate(mandateId)",
        """
        CREATE TABLE moduleTheme (
          id INTEGER PRIMARY KEY,
          moduleId TEXT NOT NULL REFERENCES module(id) \(fk),
          themeId TEXT NOT NULL REFERENCES theme(id) \(fk),
          position INTEGER NOT NULL,
          UNIQUE (moduleId, themeId))
        """,
        "CREATE INDEX moduleTheme_on_themeId ON moduleTheme(themeId)",
        """
        CREATE TABLE modulePrerequisite (
          id INTEGER PRIMARY KEY,
          moduleId TEXT NOT NULL REFERENCES module(id) \(fk),
          prerequisiteId TEXT NOT NULL REFERENCES module(id) \(fk),
          position INTEGER NOT NULL,
          UNIQUE (moduleId, prerequisiteId))
        """,
        """
        CREATE TABLE region (
          id TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          timezone TEXT NOT NULL,
          liaisonOffice TEXT,
          dsaPerDay INTEGER NOT NULL CHECK (dsaPerDay >= 0),
          participantTravel INTEGER NOT NULL CHECK (participantTravel >= 0),
          localTravel INTEGER NOT NULL CHECK (localTravel >= 0))
        """,
        """
        CREATE TABLE venue (
          id TEXT PRIMARY KEY NOT NULL,
          regionId TEXT NOT NULL REFERENCES region(id) \(fk),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          city TEXT NOT NULL,
          capacity INTEGER NOT NULL CHECK (capacity >= 0),
          costPerDay INTEGER NOT NULL CHECK (costPerDay >= 0))
        """,
        "CREATE INDEX venue_on_regionId ON venue(regionId)",
        """
        CREATE TABLE travel (
          id INTEGER PRIMARY KEY,
          fromRegionId TEXT NOT NULL REFERENCES region(id) \(fk),
          toRegionId TEXT NOT NULL REFERENCES region(id) \(fk),
          cost INTEGER NOT NULL CHECK (cost >= 0),
          UNIQUE (fromRegionId, toRegionId))
        """,
        """
        CREATE TABLE catalogInfo (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          contentHash TEXT NOT NULL,
          builtAt TEXT NOT NULL,
          folder TEXT NOT NULL)
        """,
        """
        CREATE VIEW moduleConvention AS
          SELECT DISTINCT mm.moduleId AS moduleId, m.conventionId AS conventionId
          FROM moduleMandate mm JOIN mandate m ON m.id = mm.mandateId
        """,
        """
        CREATE VIRTUAL TABLE searchEntry USING fts5(
          entryId UNINDEXED, kind UNINDEXED, conventions UNINDEXED,
          title, symbol, summary, themes,
          tokenize = 'unicode61 remove_diacritics 2')
        """,
    ]

    /// Countries (`countries.yaml`), venues' own time zones, and the conventions a theme
    /// explicitly has no own term for (an empty `terms` list).
    static let countrySchema: [String] = [
        """
        CREATE TABLE country (
          code TEXT PRIMARY KEY NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          annexRegionId TEXT REFERENCES region(id) \(fk),
          ldc INTEGER NOT NULL CHECK (ldc IN (0, 1)),
          sids INTEGER NOT NULL CHECK (sids IN (0, 1)),
          nonMember INTEGER NOT NULL CHECK (nonMember IN (0, 1)))
        """,
        "CREATE INDEX country_on_annexRegionId ON country(annexRegionId)",
        "ALTER TABLE venue ADD COLUMN timezone TEXT",
        """
        CREATE TABLE themeNoOwnTerm (
          themeId TEXT NOT NULL REFERENCES theme(id) \(fk),
          conventionId TEXT NOT NULL REFERENCES convention(id) \(fk),
          PRIMARY KEY (themeId, conventionId))
        """,
    ]

    static let historySchema = """
        CREATE TABLE planRun (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          version INTEGER NOT NULL CHECK (version >= 1),
          createdAt TEXT NOT NULL,
          requestSha256 TEXT NOT NULL,
          catalogSha256 TEXT NOT NULL,
          value INTEGER NOT NULL,
          cash INTEGER NOT NULL,
          scheduled INTEGER NOT NULL,
          demands INTEGER NOT NULL,
          planJSON TEXT NOT NULL,
          UNIQUE (name, version))
        """
}
