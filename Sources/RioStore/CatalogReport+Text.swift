/// The human (table) and spreadsheet (CSV) forms of the catalog reports; JSON is their `Codable` form.
extension CrossMap {
    /// One row per theme, one column per convention (`3 mandates / 2 modules`), then the detail per cell.
    public func table() -> String {
        let header = ["THEME"] + conventions
        let rows = self.rows.map { r in
            [r.theme.id]
                + r.cells.map { c in
                    "\(plural(c.mandates.count, "mandate")) / \(plural(c.modules.count, "module"))"
                        + (c.jointModules > 0 ? " (\(c.jointModules) joint)" : "")
                }
        }
        var out = "Theme x convention: mandates and the modules that serve them (joint = serves 2+ conventions)\n\n"
        out += TextTable.render(header, rows)
        for r in self.rows {
            out += "\n\(r.theme.id) - \(r.theme.label)\n"
            for c in r.cells {
                out += "  \(c.convention):"
                let terms = c.terms.map { "    terms: " + ($0.isEmpty ? "no own term" : $0.joined(separator: ", ")) + "\n" } ?? ""
                if c.mandates.isEmpty && c.modules.isEmpty { out += " nothing yet\n" + terms; continue }
                out += "\n" + terms
                for m in c.mandates { out += "    mandate  \(m.symbol)  \(m.title)  [\(m.id)]\n" }
                for m in c.modules {
                    out += "    module   \(m.title)  [\(m.id)]" + (m.joint ? "  joint: \(m.conventions.joined(separator: "+"))" : "") + "\n"
                }
            }
        }
        return out
    }

    /// One line per cell: theme, convention, counts and the ids (separated by `; `).
    public func csv() -> String {
        let header = ["theme", "themeLabel", "convention", "mandates", "modules", "jointModules", "mandateIds", "moduleIds"]
        let rows = self.rows.flatMap { r in
            r.cells.map { c in
                [
                    r.theme.id, r.theme.label, c.convention, String(c.mandates.count), String(c.modules.count), String(c.jointModules),
                    c.mandates.map(\.id).joined(separator: "; "), c.modules.map(\.id).joined(separator: "; "),
                ]
            }
        }
        return TextTable.csv(header, rows)
    }
}

extension GapReport {
    public func table() -> String {
        var out = "Mandates no module serves: \(unservedMandates.count)\n"
        if !unservedMandates.isEmpty {
            out += TextTable.render(
                ["CONVENTION", "SYMBOL", "MANDATE", "TITLE"],
                unservedMandates.map { [$0.convention, $0.symbol, $0.id, $0.title] })
        }
        out += "\nThemes where two or more conventions have mandates but no joint module exists: \(themesWithoutJointModule.count)\n"
        for g in themesWithoutJointModule {
            let per = g.mandatesPerConvention.map { "\($0.convention) \($0.mandates)" }.joined(separator: ", ")
            out += "  \(g.theme.id) - \(g.theme.label): mandates \(per)\n"
            if g.modules.isEmpty {
                out += "    no module covers this theme yet; consider a joint module\n"
            } else {
                out +=
                    "    single-convention modules to widen or merge: "
                    + g.modules.map { "\($0.id) (\($0.conventions.joined(separator: "+")))" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    /// One line per gap: `unserved-mandate` or `theme-without-joint-module`.
    public func csv() -> String {
        var rows = unservedMandates.map { ["unserved-mandate", $0.id, $0.title, $0.convention, $0.symbol] }
        rows += themesWithoutJointModule.map { g in
            [
                "theme-without-joint-module", g.theme.id, g.theme.label,
                g.mandatesPerConvention.map(\.convention).joined(separator: "; "), g.modules.map(\.id).joined(separator: "; "),
            ]
        }
        return TextTable.csv(["gap", "id", "title", "conventions", "detail"], rows)
    }
}

extension SynergyReport {
    public func table() -> String {
        var out = "Joint modules (serving two or more conventions): \(jointModules.count)\n"
        if !jointModules.isEmpty {
            out += TextTable.render(
                ["MODULE", "CONVENTIONS", "THEMES", "TITLE"],
                jointModules.map {
                    [$0.module.id, $0.module.conventions.joined(separator: "+"), $0.themes.joined(separator: ", "), $0.module.title]
                })
        }
        out += "\nCould merge (single-convention modules of different conventions sharing a theme): \(couldMerge.count)\n"
        if !couldMerge.isEmpty {
            out += TextTable.render(
                ["MODULE", "", "MODULE", "", "SHARED THEMES"],
                couldMerge.map {
                    [
                        $0.first.id, $0.first.conventions.joined(separator: "+"), $0.second.id, $0.second.conventions.joined(separator: "+"),
                        $0.sharedThemes.joined(separator: ", "),
                    ]
                })
        }
        return out
    }

    /// One line per finding: `joint-module` or `could-merge`.
    public func csv() -> String {
        var rows = jointModules.map { ["joint-module", $0.module.id, "", $0.module.conventions.joined(separator: "; "), $0.themes.joined(separator: "; ")] }
        rows += couldMerge.map {
            [
                "could-merge", $0.first.id, $0.second.id, ($0.first.conventions + $0.second.conventions).joined(separator: "; "),
                $0.sharedThemes.joined(separator: "; "),
            ]
        }
        return TextTable.csv(["kind", "module", "otherModule", "conventions", "themes"], rows)
    }
}

extension SearchHit {
    /// Search results as a numbered list: what, where from, which words matched, and an excerpt.
    ///
    /// - Parameter vocabulary: the crosswalk of themes the query names, printed after the hits.
    public static func table(_ hits: [SearchHit], query: SearchQuery, vocabulary: [ThemeVocabulary] = []) -> String {
        let words = vocabulary.map { $0.line + "\n" }.joined()
        if hits.isEmpty {
            return "No mandate, module or country matches \(query.terms.map { "`\($0.text)`" }.joined(separator: " ")).\n" + words
        }
        var out = ""
        for h in hits {
            let origin: String
            switch h.kind {
            case .mandate: origin = "\(h.conventions.joined(separator: "+")) \(h.symbol ?? "")"
            case .module: origin = "module for " + h.conventions.joined(separator: "+")
            case .country: origin = "country"
            }
            out += "\(h.rank). \(h.title)  [\(h.kind.rawValue) \(h.id)]  \(origin)\n"
            out += "   matched: \(h.matched.joined(separator: ", "))" + (h.matchesAll ? "" : " (not all words)") + "\n"
            out += "   \(h.snippet)\n"
        }
        return out + (words.isEmpty ? "" : "\n" + words)
    }

    /// Search results as RFC 4180 CSV, one row per hit.
    public static func csv(_ hits: [SearchHit]) -> String {
        TextTable.csv(
            ["rank", "kind", "id", "title", "symbol", "conventions", "matched", "snippet"],
            hits.map {
                [
                    String($0.rank), $0.kind.rawValue, $0.id, $0.title, $0.symbol ?? "", $0.conventions.joined(separator: "; "),
                    $0.matched.joined(separator: "; "), $0.snippet,
                ]
            })
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
