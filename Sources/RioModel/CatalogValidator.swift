import Foundation

/// Checks the rules of catalog-format.md that span entries: ids, references, cycles, travel pairs.
struct CatalogValidator {
    let catalog: Catalog
    let bag: DiagnosticBag

    func run() {
        duplicateIDs()
        references()
        prerequisiteCycles()
        travelMatrix()
        countries()
        venueTimezones()
    }

    /// Country codes are unique; each annex is a region of the catalog.
    private func countries() {
        var first: [String: SourceLocation] = [:]
        let regions = catalog.regions.map(\.id)
        for country in catalog.countries {
            if let f = first[country.code] {
                bag.add(country.location, "country code `\(country.code)` is used twice (first at \(f))", hint: "list each country once")
            } else {
                first[country.code] = country.location
            }
            if let annex = country.annex, !catalog.knows("region", annex) {
                bag.add(
                    country.location, "country `\(country.code)` names annex `\(annex)`, which is not a region of the catalog",
                    hint: suggest(annex, regions, "region", fallback: "use the id of its UNCCD annex region (\(regions.joined(separator: ", "))) or `none`"))
            }
        }
    }

    /// A venue's own time zone is a real IANA zone name.
    private func venueTimezones() {
        for r in catalog.regions {
            for v in r.venues {
                if let tz = v.timezone, TimeZone(identifier: tz) == nil {
                    bag.add(v.location, "venue `\(v.id)` has time zone `\(tz)`, which is not an IANA time zone", hint: "write it like Asia/Tbilisi or America/Montreal")
                }
            }
        }
    }

    private func duplicateIDs() {
        func check<T>(_ items: [T], _ kind: String, id: (T) -> String, loc: (T) -> SourceLocation) {
            var first: [String: SourceLocation] = [:]
            for it in items {
                if let f = first[id(it)] {
                    bag.add(loc(it), "\(kind) id `\(id(it))` is used twice (first at \(f))", hint: "give each \(kind) its own id")
                } else {
                    first[id(it)] = loc(it)
                }
            }
        }
        check(catalog.conventions, "convention", id: \.id, loc: \.location)
        check(catalog.themes, "theme", id: \.id, loc: \.location)
        check(catalog.mandates, "mandate", id: \.id, loc: \.location)
        check(catalog.modules, "module", id: \.id, loc: \.location)
        check(catalog.regions, "region", id: \.id, loc: \.location)
        check(catalog.regions.flatMap(\.venues), "venue", id: \.id, loc: \.location)
        if catalog.conventions.isEmpty, let f = catalog.mandates.first {
            bag.add(f.location, "the catalog lists no conventions", hint: "add a `conventions:` list (UNCCD, CBD, UNFCCC)")
        }
    }

    private func references() {
        let c = catalog
        for t in c.themes {
            if let p = t.parent, !c.knows("theme", p) {
                bag.add(t.location, "theme `\(t.id)` has parent `\(p)`, which is not a theme", hint: suggest(p, c.themes.map(\.id), "theme"))
            }
            for k in t.terms.keys.sorted() where !c.knows("convention", k) {
                bag.add(t.location, "theme `\(t.id)` has terms for `\(k)`, which is not a convention", hint: suggest(k, c.conventions.map(\.id), "convention"))
            }
        }
        for m in c.mandates {
            if !c.knows("convention", m.convention) {
                bag.add(
                    m.location, "mandate `\(m.id)` names convention `\(m.convention)`, which is not in `conventions`",
                    hint: suggest(m.convention, c.conventions.map(\.id), "convention"))
            }
            for t in m.themes where !c.knows("theme", t) {
                bag.add(m.location, "mandate `\(m.id)` names theme `\(t)`, which is not a theme", hint: suggest(t, c.themes.map(\.id), "theme"))
            }
        }
        for m in c.modules {
            if m.mandates.isEmpty { bag.add(m.location, "module `\(m.id)` lists no mandate", hint: "list at least one mandate it serves") }
            if m.themes.isEmpty { bag.add(m.location, "module `\(m.id)` lists no theme", hint: "list at least one theme") }
            if m.languages.isEmpty { bag.add(m.location, "module `\(m.id)` lists no language", hint: "list at least one ISO 639-1 language, e.g. en") }
            for x in m.mandates where !c.knows("mandate", x) {
                bag.add(m.location, "module `\(m.id)` serves mandate `\(x)`, which is not in the catalog", hint: suggest(x, c.mandates.map(\.id), "mandate"))
            }
            for t in m.themes where !c.knows("theme", t) {
                bag.add(m.location, "module `\(m.id)` names theme `\(t)`, which is not a theme", hint: suggest(t, c.themes.map(\.id), "theme"))
            }
            for p in m.prerequisites where !c.knows("module", p) {
                bag.add(m.location, "module `\(m.id)` has prerequisite `\(p)`, which is not a module", hint: suggest(p, c.modules.map(\.id), "module"))
            }
            for l in m.languages where !(l.count == 2 && l.allSatisfy { $0.isLowercase && $0.isASCII }) {
                bag.add(m.location, "module `\(m.id)` has language `\(l)`, which is not an ISO 639-1 code", hint: "use two-letter codes such as en, fr, es")
            }
        }
    }

    private func prerequisiteCycles() {
        let c = catalog
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported: Set<String> = []
        func visit(_ id: String, _ path: [String]) {
            guard let m = c.module(id) else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path[(path.firstIndex(of: id) ?? 0)...]) + [id]
                let key = cycle.dropLast().sorted().joined(separator: ",")
                if reported.insert(key).inserted {
                    bag.add(
                        m.location, "prerequisites form a cycle: \(cycle.joined(separator: " -> "))",
                        hint: "remove one of these prerequisites so that the modules can be ordered")
                }
                return
            }
            state[id] = 1
            for p in m.prerequisites { visit(p, path + [id]) }
            state[id] = 2
        }
        for m in c.modules { visit(m.id, []) }
    }

    private func travelMatrix() {
        let c = catalog
        var seen: [String: TravelCost] = [:]
        for t in c.travel {
            var ok = true
            for r in [t.from, t.to] where !c.knows("region", r) {
                bag.add(t.location, "travel names region `\(r)`, which is not a region", hint: suggest(r, c.regions.map(\.id), "region"))
                ok = false
            }
            if t.from == t.to {
                bag.add(t.location, "travel from `\(t.from)` to itself", hint: "remove it; travel within a region is the region's `localTravel`")
                continue
            }
            guard ok else { continue }
            let k = Catalog.pairKey(t.from, t.to)
            if let f = seen[k] {
                bag.add(
                    t.location, "travel between `\(t.from)` and `\(t.to)` is given twice (first at \(f.location))",
                    hint: "keep one entry per pair; travel is symmetric")
            } else {
                seen[k] = t
            }
        }
        let ids = c.regions.map(\.id)
        let anchor = c.travel.first?.location ?? c.regions.first?.location
        guard let anchor else { return }
        for i in ids.indices {
            for j in ids.indices where j > i && ids[i] != ids[j] {
                if seen[Catalog.pairKey(ids[i], ids[j])] == nil {
                    bag.add(
                        anchor, "no travel cost between `\(ids[i])` and `\(ids[j])`",
                        hint: "add `- {from: \(ids[i]), to: \(ids[j]), cost: ...}` under `travel:`")
                }
            }
        }
    }
}

/// "did you mean" help for an unknown id.
func suggest(_ bad: String, _ known: [String], _ kind: String, fallback: String? = nil) -> String {
    if let f = Suggestion.closest(to: bad, among: known) { return "did you mean `\(f)`?" }
    return fallback ?? "use one of the catalog's \(kind) ids, or add the \(kind) to the catalog"
}
