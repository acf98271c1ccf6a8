import Foundation
import Yams

/// Loads a catalog folder: every `*.yaml`/`*.yml` file under it, lists under the same key merged.
///
/// Loading is strict: every problem in every file is collected and thrown together as
/// `RioError.invalidInput`, sorted by file, line and column.
public enum CatalogLoader {
    public static let topLevelKeys = ["conventions", "themes", "mandates", "modules", "regions", "travel", "countries"]

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

        /// Files already in memory (an upload, a test, a fuzzer), shown under `folder`.
        public init(folder: String, files: [(shown: String, data: Data?)], fingerprint: String) {
            self.folder = folder; self.files = files; self.fingerprint = fingerprint
        }
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
            let blank = doc.reportIfBlank(
                bag,
                mustHold: "catalog entries under one or more of the keys \(topLevelKeys.map { "`\($0):`" }.joined(separator: ", ")); delete the file if it is not needed")
            guard !blank, let root = doc.root else { continue }
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
        CatalogFileReader(top: top, file: file, bag: bag).read(into: &c)
        for k in topLevelKeys { _ = top.node(k) }
        top.finish()
    }
}
