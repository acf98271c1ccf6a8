import Yams

/// Reads the lists of one catalog file into a catalog: one function per top-level key.
///
/// Every entry is a mapping checked key by key; an entry whose id is known but whose other
/// fields are wrong is remembered in `incompleteIDs` so that references to it raise no second
/// error (its own error is already in the bag, so the catalog is never returned).
struct CatalogFileReader {
    let top: YAMLMap
    let file: String
    let bag: DiagnosticBag

    /// Reads every list the file holds.
    func read(into c: inout Catalog) {
        conventions(into: &c)
        themes(into: &c)
        mandates(into: &c)
        modules(into: &c)
        regions(into: &c)
        travel(into: &c)
        countries(into: &c)
    }

    /// Calls `body` with each mapping of the list under `key`, then reports its unknown keys.
    func each(_ key: String, _ what: String, _ body: (YAMLMap) -> Void) {
        for n in top.list(key) ?? [] {
            if let m = YAMLMap(n, file: file, bag: bag, what: what) {
                body(m)
                m.finish()
            }
        }
    }

    /// `conventions`: id, name, secretariat.
    func conventions(into c: inout Catalog) {
        each("conventions", "a convention") { m in
            let id = m.id(), name = m.string("name"), sec = m.string("secretariat", required: false)
            if let id, let name {
                c.conventions.append(Convention(id: id, name: name, secretariat: sec, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("convention:\(id)")
            }
        }
    }

    /// `themes`: id, label, parent, and each convention's own terms.
    func themes(into c: inout Catalog) {
        each("themes", "a theme") { m in
            let id = m.id(), label = m.string("label"), parent = m.id("parent", required: false)
            var terms: [String: [String]] = [:]
            if let t = m.map("terms", required: false, what: "`terms` of a theme") {
                for (k, _) in t.keys { terms[k] = t.strings(k) ?? [] }
                t.finish()
            }
            if let id, let label {
                c.themes.append(Theme(id: id, label: label, parent: parent, terms: terms, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("theme:\(id)")
            }
        }
    }

    /// `mandates`: the decisions and articles that ask for capacity-building.
    func mandates(into c: inout Catalog) {
        each("mandates", "a mandate") { m in
            let id = m.id(), conv = m.string("convention"), symbol = m.string("symbol"), title = m.string("title")
            let year = m.int("year", range: 1970...2100, rangeText: "a year like 2024")
            let body = m.string("body", required: false), paras = m.string("paragraphs", required: false)
            let themes = m.strings("themes", required: true), aud = m.strings("audiences") ?? []
            let summary = m.string("summary"), source = m.string("source", required: false)
            // With its id, convention and themes read, a mandate whose other fields are wrong (already
            // reported, so this catalog is never returned) is kept so that its references are checked too.
            if let id, let conv, let themes {
                c.mandates.append(
                    Mandate(
                        id: id, convention: conv, symbol: symbol ?? "", title: title ?? "", year: year ?? 0,
                        body: body, paragraphs: paras, themes: themes, audiences: aud, summary: summary ?? "",
                        source: source, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("mandate:\(id)")
            }
        }
    }

    /// `modules`: the training modules, with delivery, days, trainers and costs.
    func modules(into c: inout Catalog) {
        each("modules", "a module") { m in
            let id = m.id(), title = m.string("title"), summary = m.string("summary", required: false)
            let themes = m.strings("themes", required: true), mandates = m.strings("mandates", required: true)
            var delivery: Delivery?
            if let d = m.string("delivery") {
                delivery = Delivery(rawValue: d)
                if delivery == nil {
                    bag.add(m.location(of: "delivery"), "delivery `\(d)` is not known", hint: "use in-person, hybrid or online")
                }
            }
            let days = m.int("days", range: 1...5, rangeText: "a whole number of days from 1 to 5")
            let trainers = m.int("trainers", required: false, range: 1...20, rangeText: "a whole number from 1 to 20") ?? (m.has("trainers") ? nil : 1)
            let langs = m.strings("languages", required: true)
            let maxP = m.int("maxParticipants")
            let mat = m.int("materialsPerParticipant", required: false) ?? 0
            let online = m.int("onlinePlatformCost", required: false) ?? 0
            let pre = m.strings("prerequisites") ?? [], partners = m.strings("partners") ?? []
            // Likewise a module with its lists read is kept despite a bad title, delivery or number, so that
            // its mandates, themes and prerequisites are checked in the same run.
            if let id, let themes, let mandates, let langs {
                c.modules.append(
                    TrainingModule(
                        id: id, title: title ?? "", summary: summary, themes: themes, mandates: mandates,
                        delivery: delivery ?? .online, days: days ?? 1, trainers: trainers ?? 1,
                        languages: langs, maxParticipants: maxP ?? 0, materialsPerParticipant: mat,
                        onlinePlatformCost: online,
                        prerequisites: pre, partners: partners, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("module:\(id)")
            }
        }
    }

    /// `regions`: each with its venues, allowance and travel costs.
    func regions(into c: inout Catalog) {
        each("regions", "a region") { m in
            let id = m.id(), name = m.string("name"), tz = m.string("timezone")
            let office = m.string("liaisonOffice", required: false)
            let dsa = m.int("dsaPerDay"), pt = m.int("participantTravel"), lt = m.int("localTravel")
            var venues: [Venue] = []
            for n in m.list("venues") ?? [] {
                guard let v = YAMLMap(n, file: file, bag: bag, what: "a venue") else { continue }
                let vid = v.id(), vname = v.string("name"), city = v.string("city")
                let cap = v.int("capacity"), cost = v.int("costPerDay"), vtz = v.string("timezone", required: false)
                v.finish()
                if let vid, let vname, let city, let cap, let cost {
                    venues.append(Venue(id: vid, name: vname, city: city, capacity: cap, costPerDay: cost, timezone: vtz, location: v.location))
                }
            }
            if let id, let name, let tz, let dsa, let pt, let lt {
                c.regions.append(
                    Region(
                        id: id, name: name, timezone: tz, liaisonOffice: office, dsaPerDay: dsa,
                        participantTravel: pt, localTravel: lt, venues: venues, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("region:\(id)")
            }
        }
    }

    /// `travel`: trainers' travel cost between two regions.
    func travel(into c: inout Catalog) {
        each("travel", "a travel entry") { m in
            let from = m.string("from"), to = m.string("to"), cost = m.int("cost")
            // An entry with a bad cost is kept (the error is already recorded, so this catalog is never
            // returned) so that its pair is not reported missing as well.
            if let from, let to { c.travel.append(TravelCost(from: from, to: to, cost: cost ?? 0, location: m.location)) }
        }
    }

    /// `countries`: ISO 3166-1 alpha-3 code, English name, UNCCD annex (`none` for none), and
    /// the LDC and SIDS flags.
    func countries(into c: inout Catalog) {
        each("countries", "a country") { m in
            let code = m.string("code"), name = m.string("name"), annex = m.string("annex")
            let ldc = m.bool("ldc"), sids = m.bool("sids"), nonMember = m.bool("nonMember", required: false) ?? false
            if let code, !CatalogFileReader.isAlpha3(code) {
                bag.add(m.location(of: "code"), "country code `\(code)` is not an ISO 3166-1 alpha-3 code", hint: "write three capital letters, e.g. KEN")
            }
            if let code, let name, let annex, let ldc, let sids {
                c.countries.append(
                    Country(code: code, name: name, annex: annex == "none" ? nil : annex, ldc: ldc, sids: sids, nonMember: nonMember, location: m.location))
            }
        }
    }

    /// Three ASCII capital letters.
    static func isAlpha3(_ s: String) -> Bool { s.utf8.count == 3 && s.utf8.allSatisfy { (65...90).contains($0) } }
}
