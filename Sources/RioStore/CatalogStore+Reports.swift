import GRDB
import RioModel

extension CatalogStore {
    /// The theme × convention cross-map, optionally narrowed to one theme and/or one convention.
    ///
    /// A mandate counts in a cell when it lists the theme and belongs to the convention; a module
    /// when it lists the theme and serves the convention through one of its mandates (direct
    /// themes only; child themes are rows of their own).
    /// - Throws: `RioError.usage` for an unknown theme or convention, with a suggestion.
    public func crossMap(theme: String? = nil, convention: String? = nil) throws -> CrossMap {
        try database.read { db in
            var themes = try CatalogStore.themes(db)
            var conventions = try String.fetchAll(db, sql: "SELECT id FROM convention ORDER BY position")
            if let theme {
                themes = themes.filter { $0.id == theme }
                if themes.isEmpty {
                    throw RioError.usage(Suggestion.unknown(theme, kind: "theme", known: try String.fetchAll(db, sql: "SELECT id FROM theme ORDER BY position")))
                }
            }
            if let convention {
                guard let c = conventions.first(where: { $0.caseInsensitiveCompare(convention) == .orderedSame }) else {
                    throw RioError.usage(Suggestion.unknown(convention, kind: "convention", known: conventions))
                }
                conventions = [c]
            }
            let modules = try CatalogStore.modules(db)
            var mandateCells: [String: [MandateRef]] = [:]
            let mandateRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT mt.themeId, m.id, m.conventionId, m.symbol, m.title
                    FROM mandateTheme mt JOIN mandate m ON m.id = mt.mandateId
                    ORDER BY m.position
                    """)
            for r in mandateRows {
                let m = MandateRef(id: r["id"], convention: r["conventionId"], symbol: r["symbol"], title: r["title"])
                mandateCells[CatalogStore.key(r["themeId"], m.convention), default: []].append(m)
            }
            var moduleCells: [String: [ModuleRef]] = [:]
            let moduleRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT xt.themeId, x.id FROM moduleTheme xt JOIN module x ON x.id = xt.moduleId ORDER BY x.position
                    """)
            for r in moduleRows {
                guard let m = modules.byID[r["id"]] else { continue }
                for c in m.conventions { moduleCells[CatalogStore.key(r["themeId"], c), default: []].append(m) }
            }
            let terms = try CatalogStore.ownTerms(db)
            let rows = themes.map { t in
                CrossMap.Row(
                    theme: t,
                    cells: conventions.map { c in
                        CrossMap.Cell(
                            convention: c, mandates: mandateCells[CatalogStore.key(t.id, c)] ?? [],
                            modules: moduleCells[CatalogStore.key(t.id, c)] ?? [], terms: terms[CatalogStore.key(t.id, c)])
                    })
            }
            return CrossMap(conventions: conventions, rows: rows)
        }
    }

    /// Mandates no module serves, and themes where two or more conventions have mandates but no joint module exists.
    public func gaps() throws -> GapReport {
        try database.read { db in
            let unserved = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.conventionId, m.symbol, m.title FROM mandate m JOIN convention c ON c.id = m.conventionId
                    WHERE NOT EXISTS (SELECT 1 FROM moduleMandate mm WHERE mm.mandateId = m.id)
                    ORDER BY c.position, m.position
                    """
            ).map { MandateRef(id: $0["id"], convention: $0["conventionId"], symbol: $0["symbol"], title: $0["title"]) }
            let modules = try CatalogStore.modules(db)
            var themeGaps: [GapReport.ThemeGap] = []
            for t in try CatalogStore.themes(db) {
                let counts = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.conventionId, COUNT(*) AS n FROM mandateTheme mt
                        JOIN mandate m ON m.id = mt.mandateId JOIN convention c ON c.id = m.conventionId
                        WHERE mt.themeId = ? GROUP BY m.conventionId ORDER BY MIN(c.position)
                        """, arguments: [t.id]
                ).map { GapReport.ConventionCount(convention: $0["conventionId"], mandates: $0["n"]) }
                guard counts.count >= 2 else { continue }
                let onTheme = try String.fetchAll(
                    db,
                    sql: """
                        SELECT x.id FROM moduleTheme xt JOIN module x ON x.id = xt.moduleId WHERE xt.themeId = ? ORDER BY x.position
                        """, arguments: [t.id]
                ).compactMap { modules.byID[$0] }
                if onTheme.contains(where: \.joint) { continue }
                themeGaps.append(GapReport.ThemeGap(theme: t, mandatesPerConvention: counts, modules: onTheme))
            }
            return GapReport(unservedMandates: unserved, themesWithoutJointModule: themeGaps)
        }
    }

    /// Modules serving two or more conventions, and pairs of single-convention modules of
    /// different conventions that share a theme (they could merge into a joint module).
    public func synergies() throws -> SynergyReport {
        try database.read { db in
            let modules = try CatalogStore.modules(db)
            var themesOf: [String: [String]] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT xt.moduleId, xt.themeId FROM moduleTheme xt JOIN theme t ON t.id = xt.themeId ORDER BY xt.moduleId, t.position
                    """)
            {
                themesOf[r["moduleId"], default: []].append(r["themeId"])
            }
            let joint = modules.ordered.filter(\.joint).map { SynergyReport.JointModule(module: $0, themes: themesOf[$0.id] ?? []) }
            var merge: [SynergyReport.MergeCandidate] = []
            var current: (String, String)?
            for r in try Row.fetchAll(
                db,
                sql: """
                    WITH single AS (
                      SELECT moduleId, MIN(conventionId) AS conventionId FROM moduleConvention GROUP BY moduleId HAVING COUNT(*) = 1)
                    SELECT a.moduleId AS first, b.moduleId AS second, ta.themeId AS themeId
                    FROM single a JOIN single b ON a.conventionId <> b.conventionId
                    JOIN module ma ON ma.id = a.moduleId JOIN module mb ON mb.id = b.moduleId AND ma.position < mb.position
                    JOIN moduleTheme ta ON ta.moduleId = a.moduleId
                    JOIN moduleTheme tb ON tb.moduleId = b.moduleId AND tb.themeId = ta.themeId
                    JOIN theme t ON t.id = ta.themeId
                    ORDER BY ma.position, mb.position, t.position
                    """)
            {
                let pair: (String, String) = (r["first"], r["second"])
                if let current, current == pair, !merge.isEmpty {
                    merge[merge.count - 1].sharedThemes.append(r["themeId"])
                    continue
                }
                current = pair
                guard let a = modules.byID[pair.0], let b = modules.byID[pair.1] else { continue }
                merge.append(SynergyReport.MergeCandidate(first: a, second: b, sharedThemes: [r["themeId"]]))
            }
            return SynergyReport(jointModules: joint, couldMerge: merge)
        }
    }

    /// Every theme in catalog order.
    /// Each theme's own terms per convention (key: `key(theme, convention)`), in file order; an
    /// empty list where the catalog says the convention has no own term.
    static func ownTerms(_ db: Database) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT themeId, conventionId, term FROM themeTerm ORDER BY themeId, conventionId, position") {
            out[key(r["themeId"], r["conventionId"]), default: []].append(r["term"])
        }
        for r in try Row.fetchAll(db, sql: "SELECT themeId, conventionId FROM themeNoOwnTerm") {
            out[key(r["themeId"], r["conventionId"])] = []
        }
        return out
    }

    static func themes(_ db: Database) throws -> [ThemeRef] {
        try Row.fetchAll(db, sql: "SELECT id, label FROM theme ORDER BY position").map { ThemeRef(id: $0["id"], label: $0["label"]) }
    }

    /// Every module in catalog order with the conventions it serves, and a lookup by id.
    static func modules(_ db: Database) throws -> (ordered: [ModuleRef], byID: [String: ModuleRef]) {
        var conventions: [String: [String]] = [:]
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT mc.moduleId, mc.conventionId FROM moduleConvention mc JOIN convention c ON c.id = mc.conventionId
                ORDER BY mc.moduleId, c.position
                """)
        {
            conventions[r["moduleId"], default: []].append(r["conventionId"])
        }
        let ordered = try Row.fetchAll(db, sql: "SELECT id, title FROM module ORDER BY position").map { r in
            ModuleRef(id: r["id"], title: r["title"], conventions: conventions[r["id"]] ?? [])
        }
        var byID: [String: ModuleRef] = [:]
        for m in ordered { byID[m.id] = m }
        return (ordered, byID)
    }

    static func key(_ theme: String, _ convention: String) -> String { theme + "\u{1}" + convention }
}
