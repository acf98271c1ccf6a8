import Foundation
import GRDB
import RioModel

/// The catalog compiled into the workspace database, and the queries the catalog commands ask.
///
/// `build` replaces every catalog table in one transaction; `ensureFresh` rebuilds only when the
/// catalog files changed (their SHA-256 differs from the one stored in `catalogInfo`).
public struct CatalogStore: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// The content hash of the catalog the database holds, or nil before the first build.
    public func storedFingerprint() throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT contentHash FROM catalogInfo WHERE id = 1") }
    }

    /// Rebuilds from `folder` when its files differ from what the database holds.
    ///
    /// - Returns: true when the database was (re)built.
    /// - Throws: `RioError.unreadable` for a missing folder, `RioError.invalidInput` for an invalid catalog.
    @discardableResult
    public func ensureFresh(folder: String) throws -> Bool {
        let source = try CatalogLoader.source(folder: folder)
        if try storedFingerprint() == source.fingerprint { return false }
        let catalog = try CatalogLoader.load(source)
        try build(catalog: catalog, fingerprint: source.fingerprint, folder: folder)
        return true
    }

    /// Replaces the catalog tables and the search index with `catalog`, in one transaction.
    public func build(catalog: Catalog, fingerprint: String, folder: String = "", builtAt: Date = Date()) throws {
        try database.write { db in
            for table in [
                "country", "themeNoOwnTerm", "travel", "venue", "region", "modulePrerequisite", "moduleTheme", "moduleMandate", "module",
                "mandateTheme", "mandate", "themeTerm", "theme", "convention", "catalogInfo", "searchEntry",
            ] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try CatalogStore.insert(catalog, db)
            try CatalogStore.index(catalog, db)
            let stamp = ISO8601DateFormatter().string(from: builtAt)
            try db.execute(
                sql: "INSERT INTO catalogInfo (id, contentHash, builtAt, folder) VALUES (1, ?, ?, ?)",
                arguments: [fingerprint, stamp, folder])
        }
    }

    static func insert(_ c: Catalog, _ db: Database) throws {
        let conv = try db.makeStatement(sql: "INSERT INTO convention (id, position, name, secretariat) VALUES (?, ?, ?, ?)")
        for (i, x) in c.conventions.enumerated() { try conv.execute(arguments: [x.id, i, x.name, x.secretariat]) }

        let theme = try db.makeStatement(sql: "INSERT INTO theme (id, position, label, parentId) VALUES (?, ?, ?, ?)")
        let term = try db.makeStatement(sql: "INSERT INTO themeTerm (themeId, conventionId, position, term) VALUES (?, ?, ?, ?)")
        for (i, t) in c.themes.enumerated() {
            try theme.execute(arguments: [t.id, i, t.label, t.parent])
            for (convention, words) in t.terms.sorted(by: { $0.key < $1.key }) {
                for (j, w) in words.enumerated() { try term.execute(arguments: [t.id, convention, j, w]) }
                if words.isEmpty {
                    try db.execute(sql: "INSERT INTO themeNoOwnTerm (themeId, conventionId) VALUES (?, ?)", arguments: [t.id, convention])
                }
            }
        }

        let mandate = try db.makeStatement(
            sql: """
                INSERT INTO mandate (id, position, conventionId, symbol, title, year, body, paragraphs, audiences, summary, source, file, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let mandateTheme = try db.makeStatement(sql: "INSERT OR IGNORE INTO mandateTheme (mandateId, themeId, position) VALUES (?, ?, ?)")
        for (i, m) in c.mandates.enumerated() {
            try mandate.execute(arguments: [
                m.id, i, m.convention, m.symbol, m.title, m.year, m.body, m.paragraphs,
                m.audiences.joined(separator: ", "), m.summary, m.source,
                m.location.file, m.location.line,
            ])
            for (j, t) in m.themes.enumerated() { try mandateTheme.execute(arguments: [m.id, t, j]) }
        }

        let module = try db.makeStatement(
            sql: """
                INSERT INTO module (id, position, title, summary, delivery, days, trainers, languages, maxParticipants,
                  materialsPerParticipant, onlinePlatformCost, partners, file, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let moduleMandate = try db.makeStatement(sql: "INSERT OR IGNORE INTO moduleMandate (moduleId, mandateId, position) VALUES (?, ?, ?)")
        let moduleTheme = try db.makeStatement(sql: "INSERT OR IGNORE INTO moduleTheme (moduleId, themeId, position) VALUES (?, ?, ?)")
        let prerequisite = try db.makeStatement(sql: "INSERT OR IGNORE INTO modulePrerequisite (moduleId, prerequisiteId, position) VALUES (?, ?, ?)")
        for (i, m) in c.modules.enumerated() {
            try module.execute(arguments: [
                m.id, i, m.title, m.summary, m.delivery.rawValue, m.days, m.trainers,
                m.languages.joined(separator: ", "), m.maxParticipants, m.materialsPerParticipant,
                m.onlinePlatformCost, m.partners.joined(separator: ", "), m.location.file, m.location.line,
            ])
            for (j, x) in m.mandates.enumerated() { try moduleMandate.execute(arguments: [m.id, x, j]) }
            for (j, t) in m.themes.enumerated() { try moduleTheme.execute(arguments: [m.id, t, j]) }
            for (j, p) in m.prerequisites.enumerated() { try prerequisite.execute(arguments: [m.id, p, j]) }
        }

        let region = try db.makeStatement(
            sql: """
                INSERT INTO region (id, position, name, timezone, liaisonOffice, dsaPerDay, participantTravel, localTravel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let venue = try db.makeStatement(
            sql: "INSERT INTO venue (id, regionId, position, name, city, capacity, costPerDay, timezone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for (i, r) in c.regions.enumerated() {
            try region.execute(arguments: [r.id, i, r.name, r.timezone, r.liaisonOffice, r.dsaPerDay, r.participantTravel, r.localTravel])
            for (j, v) in r.venues.enumerated() {
                try venue.execute(arguments: [v.id, r.id, j, v.name, v.city, v.capacity, v.costPerDay, v.timezone])
            }
        }
        let travel = try db.makeStatement(sql: "INSERT INTO travel (fromRegionId, toRegionId, cost) VALUES (?, ?, ?)")
        for t in c.travel { try travel.execute(arguments: [t.from, t.to, t.cost]) }
        let country = try db.makeStatement(
            sql: "INSERT INTO country (code, position, name, annexRegionId, ldc, sids, nonMember) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, x) in c.countries.enumerated() {
            try country.execute(arguments: [x.code, i, x.name, x.annex, x.ldc, x.sids, x.nonMember])
        }
    }

    /// Fills the FTS5 index: one entry per mandate and module, with the labels and terms of its themes.
    static func index(_ c: Catalog, _ db: Database) throws {
        var themeText: [String: String] = [:]
        for t in c.themes {
            let words = t.terms.keys.sorted().flatMap { t.terms[$0] ?? [] }
            themeText[t.id] = ([t.label] + words).joined(separator: "; ")
        }
        func themes(_ ids: [String]) -> String { ids.compactMap { themeText[$0] }.joined(separator: "; ") }
        let entry = try db.makeStatement(
            sql: """
                INSERT INTO searchEntry (entryId, kind, conventions, title, symbol, summary, themes) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for m in c.mandates {
            try entry.execute(arguments: [m.id, SearchHit.Kind.mandate.rawValue, m.convention, m.title, m.symbol, m.summary, themes(m.themes)])
        }
        for m in c.modules {
            try entry.execute(arguments: [
                m.id, SearchHit.Kind.module.rawValue, c.conventions(of: m).joined(separator: " "),
                m.title, "", m.summary ?? "", themes(m.themes),
            ])
        }
        for x in c.countries {
            try entry.execute(arguments: [x.code, SearchHit.Kind.country.rawValue, "", x.name, x.code, CatalogStore.countryFacts(x, c), ""])
        }
    }

    /// What a country's search entry says besides its name and code: annex, LDC, SIDS.
    static func countryFacts(_ x: Country, _ c: Catalog) -> String {
        var facts = [x.annex.map { "UNCCD annex: " + (c.region($0)?.name ?? $0) } ?? "in no UNCCD regional annex"]
        if x.ldc { facts.append("Least Developed Country") }
        if x.sids { facts.append("Small Island Developing State") }
        if x.nonMember { facts.append("Party, not a UN member state") }
        return facts.joined(separator: "; ")
    }
}
