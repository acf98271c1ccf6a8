import Foundation
import Yams

/// Loads a plan request strictly against a catalog (plan-request-format.md).
public enum PlanRequestLoader {
    /// What a request file must hold, for the message about an empty one.
    static let requestContent =
        "a plan request: a mapping with `name`, `currency`, `horizon`, `demand`, `staff` and `funding` (see plan-request-format.md, or Plans/jlg-2027.yaml)"

    /// Loads `path`, resolving list files relative to it; throws `RioError.invalidInput` with every problem.
    public static func load(path: String, catalog: Catalog) throws -> PlanRequest {
        let bag = DiagnosticBag()
        return try load(YAMLDocument(path: path, bag: bag), path: path, catalog: catalog, bag: bag)
    }

    /// Loads a request whose bytes are already in memory (an upload, a fuzzer), shown as `path`;
    /// list files it names are read relative to `path`.
    public static func load(data: Data, path: String, catalog: Catalog) throws -> PlanRequest {
        let bag = DiagnosticBag()
        return try load(YAMLDocument(data: data, displayPath: path, bag: bag), path: path, catalog: catalog, bag: bag)
    }

    /// Reads a parsed request document; every problem goes to `bag` and is thrown together.
    static func load(_ doc: YAMLDocument, path: String, catalog: Catalog, bag: DiagnosticBag) throws -> PlanRequest {
        let blank = doc.reportIfBlank(bag, mustHold: PlanRequestLoader.requestContent)
        guard !blank, let root = doc.root else {
            if bag.isEmpty {
                bag.add(SourceLocation(file: path, line: 1, column: 1), "the file holds no YAML value", hint: "it must hold \(requestContent)")
            }
            throw RioError.invalidInput(bag.sorted)
        }
        let base = (path as NSString).deletingLastPathComponent
        let reader = Reader(catalog: catalog, bag: bag, base: base, path: path)
        reader.incomplete.fingerprint.update(doc.data ?? Data())
        let r = try reader.read(root)
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        guard var r else { throw RioError.invalidInput(bag.sorted) }
        r.fingerprint = reader.incomplete.fingerprint.hex()
        return r
    }
}

/// Ids of entries that had their own errors: still known, so references to them raise no second error.
private final class IncompleteIDs {
    var trainers: Set<String> = []
    var demands: Set<String> = []
    /// List files read, in order.
    var listFiles: [String] = []
    /// SHA-256 of the request's bytes, then of each list file's name and bytes, as parsed.
    var fingerprint = Fingerprint()
}

private struct Reader {
    let incomplete = IncompleteIDs()
    let catalog: Catalog
    let bag: DiagnosticBag
    let base: String
    let path: String

    func read(_ root: Node) throws -> PlanRequest? {
        guard let top = YAMLMap(root, file: path, bag: bag, what: "the plan request") else { return nil }
        let name = top.id("name")
        let title = top.string("title", required: false) ?? name ?? ""
        let currency = top.string("currency")
        var organizer: Organizer?
        if let o = top.map("organizer", required: false, what: "`organizer`") {
            let n = o.string("name"), e = o.string("email")
            if let n, let e {
                if !e.contains("@") { bag.add(o.location(of: "email"), "organizer email `\(e)` is not an address", hint: "write it as name@example.org") }
                organizer = Organizer(name: n, email: e)
            }
            o.finish()
        }
        var horizon: DayRange?
        if let h = top.map("horizon", what: "`horizon`") {
            let s = h.day("start"), e = h.day("end")
            if let s, let e {
                if e < s {
                    bag.add(h.location(of: "end"), "horizon ends (\(e)) before it starts (\(s))", hint: "swap the dates or correct one of them")
                } else {
                    horizon = DayRange(start: s, end: e)
                }
            }
            h.finish()
        }
        let demands = try entries(top, "demand", "a demand") { demand($0, horizon) }
        let staff = try entries(top, "staff", "a trainer", trainer)
        let staffing = try entries(top, "staffing", "a staffing cap") { m -> StaffingCap? in
            guard let org = m.string("org"), let md = m.int("maxDays") else { return nil }
            return StaffingCap(org: org, maxDays: md)
        }
        let funding = try entries(top, "funding", "a funding source", source)
        let blackouts = try entries(top, "blackouts", "a blackout", blackout)
        let delivered = try entries(top, "delivered", "a delivered entry") { m -> Delivered? in
            let mod = m.string("module"), reg = m.string("region")
            if let mod, catalog.module(mod) == nil {
                bag.add(m.location(of: "module"), "unknown module `\(mod)`", hint: suggest(mod, catalog.modules.map(\.id), "module"))
            }
            if let reg, catalog.region(reg) == nil {
                bag.add(m.location(of: "region"), "unknown region `\(reg)`", hint: suggest(reg, catalog.regions.map(\.id), "region"))
            }
            guard let mod, let reg else { return nil }
            return Delivered(module: mod, region: reg)
        }
        let pinned = try entries(top, "pinned", "a pin", pin)
        top.finish()

        unique(demands.map { ($0.value.id, $0.location) }, "demand")
        unique(staff.map { ($0.value.id, $0.location) }, "trainer")
        unique(funding.map { ($0.value.id, $0.location) }, "funding source")
        unique(pinned.map { ($0.value.demand, $0.location) }, "pin for demand", hint: "pin each demand at most once")
        let demandIDs = Set(demands.map(\.value.id)).union(incomplete.demands), staffIDs = Set(staff.map(\.value.id)).union(incomplete.trainers)
        for p in pinned {
            if !demandIDs.contains(p.value.demand) {
                bag.add(
                    p.location, "pin names demand `\(p.value.demand)`, which is not in `demand`",
                    hint: suggest(p.value.demand, demands.map(\.value.id), "demand", fallback: "use the id of a demand listed under `demand`"))
            }
            for t in p.value.trainers ?? [] where !staffIDs.contains(t) {
                bag.add(
                    p.location, "pin names trainer `\(t)`, who is not in `staff`",
                    hint: suggest(t, staff.map(\.value.id), "trainer", fallback: "use the id of a trainer listed under `staff`, or add the trainer there"))
            }
        }
        guard let name, let currency, let horizon else { return nil }
        var request = PlanRequest(
            name: name, title: title, currency: currency, organizer: organizer, horizon: horizon,
            demands: demands.map(\.value), staff: staff.map(\.value), staffing: staffing.map(\.value),
            funding: funding.map(\.value), blackouts: blackouts.map(\.value), delivered: delivered.map(\.value),
            pinned: pinned.map(\.value), path: path)
        request.listFiles = incomplete.listFiles
        return request
    }

    /// Reads a list given inline or as a path (relative to the request) to a YAML file holding it.
    func entries<T>(_ top: YAMLMap, _ key: String, _ what: String, _ body: (YAMLMap) -> T?) throws -> [Located<T>] where T: Hashable & Sendable {
        guard let n = top.node(key) else { return [] }
        var items: [Node] = []
        var file = path
        switch n {
        case .sequence(let s): items = Array(s)
        case .scalar(let s):
            let rel = s.string
            let full = rel.hasPrefix("/") ? rel : (base.isEmpty ? rel : (base as NSString).appendingPathComponent(rel))
            guard FileManager.default.fileExists(atPath: full) else {
                bag.add(
                    YAMLMap.loc(n, path), "`\(key)` names the file `\(rel)`, which does not exist",
                    hint: "give a path relative to the request file, or write the list inline")
                return []
            }
            file = full
            incomplete.listFiles.append(full)
            let doc = try YAMLDocument(path: full, bag: bag)
            incomplete.fingerprint.update((full as NSString).lastPathComponent)
            incomplete.fingerprint.update(doc.data ?? Data())
            let blank = doc.reportIfBlank(bag, mustHold: "the `\(key)` list: a YAML list of \(what) entries, or a mapping with `\(key):`")
            guard !blank, let root = doc.root else { return [] }
            switch root {
            case .sequence(let s): items = Array(s)
            case .mapping:
                if let m = YAMLMap(root, file: full, bag: bag, what: "`\(key)` file"), let l = m.list(key) {
                    items = l
                    m.finish()
                } else {
                    bag.add(YAMLMap.loc(root, full), "`\(rel)` holds no `\(key)` list", hint: "make the file a YAML list, or a mapping with `\(key):`")
                }
            default:
                bag.add(YAMLMap.loc(root, full), "`\(rel)` is not a list", hint: "make the file a YAML list of entries")
            }
        default:
            bag.add(YAMLMap.loc(n, path), "`\(key)` must be a list or the path of a YAML file holding the list", hint: "write entries starting with `-`")
            return []
        }
        var out: [Located<T>] = []
        for item in items {
            guard let m = YAMLMap(item, file: file, bag: bag, what: what) else { continue }
            if let v = body(m) { out.append(Located(v, m.location)) }
            m.finish()
        }
        return out
    }

    func unique(_ ids: [(String, SourceLocation)], _ kind: String, hint: String? = nil) {
        var seen: [String: SourceLocation] = [:]
        for (id, loc) in ids {
            if let f = seen[id] {
                bag.add(loc, "\(kind) `\(id)` appears twice (first at \(f))", hint: hint ?? "give each \(kind) its own id")
            } else {
                seen[id] = loc
            }
        }
    }

    func demand(_ m: YAMLMap, _ horizon: DayRange?) -> Demand? {
        let id = m.id(), modID = m.string("module"), region = m.string("region")
        let participants = m.int("participants", range: DemandRules.participants, rangeText: "a whole number of participants, at least 1")
        let langs = m.strings("languages")
        let priority = m.int("priority", required: false, range: DemandRules.priorities, rangeText: "a priority from 1 to 5") ?? DemandRules.defaultPriority
        let earliest = m.day("earliest", required: false), latest = m.day("latest", required: false)
        let problems = DemandRules.problems(
            module: modID, region: region, participants: participants, languages: langs,
            earliest: earliest, latest: latest, horizon: horizon, catalog: catalog)
        for p in problems { report(p, at: m.location(of: p.field)) }
        guard let id, let modID, let region, let participants else {
            if let id { incomplete.demands.insert(id) }
            return nil
        }
        return Demand(
            id: id, module: modID, region: region, participants: participants, languages: langs,
            priority: priority, earliest: earliest, latest: latest, location: m.location)
    }

    /// A demand rule's problem, phrased for the author of a request file.
    func report(_ problem: DemandRules.Problem, at loc: SourceLocation) {
        switch problem {
        case .unknownModule(let id): bag.add(loc, "unknown module `\(id)`", hint: suggest(id, catalog.modules.map(\.id), "module"))
        case .unknownRegion(let id): bag.add(loc, "unknown region `\(id)`", hint: suggest(id, catalog.regions.map(\.id), "region"))
        case .overMaximum(let participants, let module):
            bag.add(
                loc, "\(participants) participants exceed the \(module.maxParticipants) that module `\(module.id)` allows",
                hint: "lower participants to \(module.maxParticipants) or split the demand in two")
        case .noLanguages:
            bag.add(loc, "`languages` is empty", hint: "list at least one language, or leave the key out for all of the module's")
        case .languagesNotOffered(let bad, let module, let all):
            // A request may list languages beyond the module's as long as one of them is given.
            guard all else { return }
            bag.add(
                loc, "module `\(module.id)` is not given in \(bad.joined(separator: ", "))",
                hint: "accept one of its languages: \(module.languages.joined(separator: ", "))")
        case .outsideHorizon(let field, let day, let horizon):
            bag.add(loc, "\(field) \(day) lies outside the horizon \(horizon.description)", hint: "move it inside the horizon or leave it out")
        case .emptyWindow(let earliest, let latest):
            bag.add(loc, "the window is empty: latest \(latest) is before earliest \(earliest)", hint: "swap or correct the dates")
        }
    }

    func trainer(_ m: YAMLMap) -> Trainer? {
        let id = m.id(), name = m.string("name"), org = m.string("org"), home = m.string("home")
        let langs = m.strings("languages", required: true), mods = m.strings("modules", required: true)
        let rate = m.int("dayRate"), maxDays = m.int("maxDays", required: false)
        var unavailable: [DayRange] = []
        for n in m.list("unavailable") ?? [] {
            guard let u = YAMLMap(n, file: m.file, bag: bag, what: "an unavailable period") else { continue }
            let s = u.day("start"), e = u.day("end")
            if let s, let e {
                if e < s {
                    bag.add(u.location(of: "end"), "period ends (\(e)) before it starts (\(s))", hint: "swap or correct the dates")
                } else {
                    unavailable.append(DayRange(start: s, end: e))
                }
            }
            u.finish()
        }
        if let home, catalog.region(home) == nil {
            bag.add(m.location(of: "home"), "unknown home region `\(home)`", hint: suggest(home, catalog.regions.map(\.id), "region"))
        }
        for x in mods ?? [] where catalog.module(x) == nil {
            bag.add(m.location(of: "modules"), "trainer qualified for unknown module `\(x)`", hint: suggest(x, catalog.modules.map(\.id), "module"))
        }
        guard let id, let name, let org, let home, let langs, let mods, let rate else {
            if let id { incomplete.trainers.insert(id) }
            return nil
        }
        return Trainer(
            id: id, name: name, org: org, home: home, languages: langs, modules: mods, dayRate: rate,
            maxDays: maxDays, unavailable: unavailable, location: m.location)
    }

    func source(_ m: YAMLMap) -> FundingSource? {
        let id = m.id(), name = m.string("name"), owner = m.string("owner"), type = m.string("type", required: false) ?? ""
        let cap = m.int("cap")
        let convs = m.strings("conventions"), themes = m.strings("themes"), regions = m.strings("regions")
        for c in convs ?? [] where catalog.convention(c) == nil {
            bag.add(m.location(of: "conventions"), "unknown convention `\(c)`", hint: suggest(c, catalog.conventions.map(\.id), "convention"))
        }
        for t in themes ?? [] where catalog.theme(t) == nil {
            bag.add(m.location(of: "themes"), "unknown theme `\(t)`", hint: suggest(t, catalog.themes.map(\.id), "theme"))
        }
        for r in regions ?? [] where catalog.region(r) == nil {
            bag.add(m.location(of: "regions"), "unknown region `\(r)`", hint: suggest(r, catalog.regions.map(\.id), "region"))
        }
        guard let id, let name, let owner, let cap else { return nil }
        return FundingSource(id: id, name: name, owner: owner, type: type, cap: cap, conventions: convs, themes: themes, regions: regions)
    }

    func blackout(_ m: YAMLMap) -> Blackout? {
        let name = m.string("name"), s = m.day("start"), e = m.day("end")
        let regions = m.strings("regions"), orgs = m.strings("orgs")
        if let regions, let orgs, !regions.isEmpty, !orgs.isEmpty {
            bag.add(m.location, "blackout has both `regions` and `orgs`", hint: "split it into two blackouts, one with regions and one with orgs")
        }
        for r in regions ?? [] where catalog.region(r) == nil {
            bag.add(m.location(of: "regions"), "unknown region `\(r)`", hint: suggest(r, catalog.regions.map(\.id), "region"))
        }
        if let s, let e, e < s { bag.add(m.location(of: "end"), "blackout ends (\(e)) before it starts (\(s))", hint: "swap or correct the dates") }
        guard let name, let s, let e, s <= e else { return nil }
        return Blackout(name: name, range: DayRange(start: s, end: e), regions: regions, orgs: orgs)
    }

    func pin(_ m: YAMLMap) -> Pin? {
        let d = m.string("demand"), s = m.day("start"), v = m.string("venue", required: false)
        let t = m.strings("trainers"), l = m.string("language", required: false)
        if let v, catalog.venue(v) == nil {
            bag.add(m.location(of: "venue"), "unknown venue `\(v)`", hint: suggest(v, catalog.regions.flatMap(\.venues).map(\.id), "venue"))
        }
        guard let d, let s else { return nil }
        return Pin(demand: d, start: s, venue: v, trainers: t, language: l, location: m.location)
    }
}
