import Foundation
import Yams

/// Loads a catalog folder: every `*.yaml`/`*.yml` file under it, lists under the same key merged.
///
/// Loading is strict: every problem in every file is collected and thrown together as
/// `RioError.invalidInput`, sorted by file, line and column.
public enum CatalogLoader {
    public static let topLevelKeys = ["conventions", "themes", "mandates", "modules", "regions", "travel"]

    /// The YAML files of a catalog folder, as (absolute path, path shown to users), sorted.
    public static func files(in folder: String) throws -> [(path: String, shown: String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw RioError.unreadable(path: folder, reason: "no such folder (pass the catalog folder with --catalog DIR)")
        }
        guard isDir.boolValue else {
            throw RioError.unreadable(path: folder, reason: "this is a file, not a catalog folder (pass the folder with --catalog DIR)")
        }
        guard let e = FileManager.default.enumerator(atPath: folder) else {
            throw RioError.unreadable(path: folder, reason: "cannot list the folder")
        }
        var rel: [String] = []
        while let p = e.nextObject() as? String {
            if p.hasSuffix(".yaml") || p.hasSuffix(".yml") { rel.append(p) }
        }
        rel.sort()
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return rel.map { ("\(base)/\($0)", "\(base)/\($0)") }
    }

    /// The YAML files of a catalog folder with their bytes, read once, and their fingerprint.
    public struct Source: Sendable {
        /// The folder as given.
        public var folder: String
        /// Each file as (path shown to users, bytes; nil when too large to read).
        public var files: [(shown: String, data: Data?)]
        /// SHA-256 over each file's path relative to the folder, then its bytes, in sorted order.
        public var fingerprint: String
    }

    /// Reads every YAML file of `folder` once; the catalog is then parsed from these bytes.
    public static func source(folder: String) throws -> Source {
        var h = Fingerprint()
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var read: [(shown: String, data: Data?)] = []
        for f in try files(in: folder) {
            h.update(String(f.path.dropFirst(base.count + 1)))
            let size = (try? FileManager.default.attributesOfItem(atPath: f.path)[.size] as? Int) ?? 0
            if size > YAMLDocument.maxBytes {
                h.update("size \(size)")
                read.append((f.shown, nil))
                continue
            }
            guard let d = FileManager.default.contents(atPath: f.path) else {
                throw RioError.unreadable(path: f.shown, reason: "cannot read")
            }
            h.update(d)
            read.append((f.shown, d))
        }
        return Source(folder: folder, files: read, fingerprint: h.hex())
    }

    /// The fingerprint of the catalog in `folder` (reads the files, parses nothing).
    public static func fingerprint(of folder: String) throws -> String { try source(folder: folder).fingerprint }

    /// Loads and validates the catalog in `folder`.
    public static func load(folder: String) throws -> Catalog { try load(source(folder: folder)) }

    /// Parses and validates a catalog from the bytes of `source`; `fingerprint` is the source's.
    public static func load(_ source: Source) throws -> Catalog {
        let bag = DiagnosticBag()
        if source.files.isEmpty {
            throw RioError.invalidInput([
                Diagnostic(
                    SourceLocation(file: source.folder, line: 1, column: 1),
                    "the catalog folder holds no .yaml files", hint: "pass the folder that holds the catalog YAML with --catalog DIR")
            ])
        }
        var catalog = Catalog()
        for f in source.files {
            let doc: YAMLDocument
            if let data = f.data {
                doc = YAMLDocument(data: data, displayPath: f.shown, bag: bag)
            } else {
                doc = try YAMLDocument(path: f.shown, bag: bag)
            }
            guard let root = doc.root else { continue }
            read(root, file: f.shown, into: &catalog, bag: bag)
        }
        catalog.index()
        catalog.fingerprint = source.fingerprint
        CatalogValidator(catalog: catalog, bag: bag).run()
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        return catalog
    }

    static func read(_ root: Node, file: String, into c: inout Catalog, bag: DiagnosticBag) {
        guard let top = YAMLMap(root, file: file, bag: bag, what: "a catalog file") else { return }
        func each(_ key: String, _ what: String, _ body: (YAMLMap) -> Void) {
            for n in top.list(key) ?? [] {
                if let m = YAMLMap(n, file: file, bag: bag, what: what) {
                    body(m)
                    m.finish()
                }
            }
        }
        each("conventions", "a convention") { m in
            let id = m.id(), name = m.string("name"), sec = m.string("secretariat", required: false)
            if let id, let name {
                c.conventions.append(Convention(id: id, name: name, secretariat: sec, location: m.location))
            } else if let id {
                c.incompleteIDs.insert("convention:\(id)")
            }
        }
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
        each("regions", "a region") { m in
            let id = m.id(), name = m.string("name"), tz = m.string("timezone")
            let office = m.string("liaisonOffice", required: false)
            let dsa = m.int("dsaPerDay"), pt = m.int("participantTravel"), lt = m.int("localTravel")
            var venues: [Venue] = []
            for n in m.list("venues") ?? [] {
                guard let v = YAMLMap(n, file: file, bag: bag, what: "a venue") else { continue }
                let vid = v.id(), vname = v.string("name"), city = v.string("city")
                let cap = v.int("capacity"), cost = v.int("costPerDay")
                v.finish()
                if let vid, let vname, let city, let cap, let cost {
                    venues.append(Venue(id: vid, name: vname, city: city, capacity: cap, costPerDay: cost, location: v.location))
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
        each("travel", "a travel entry") { m in
            let from = m.string("from"), to = m.string("to"), cost = m.int("cost")
            // An entry with a bad cost is kept (the error is already recorded, so this catalog is never
            // returned) so that its pair is not reported missing as well.
            if let from, let to { c.travel.append(TravelCost(from: from, to: to, cost: cost ?? 0, location: m.location)) }
        }
        for k in topLevelKeys { _ = top.node(k) }
        top.finish()
    }
}
