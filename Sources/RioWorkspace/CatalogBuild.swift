import Foundation
import RioModel
import RioStore

/// What `catalog build` did: the summary of the catalog compiled and its fingerprint.
public struct CatalogBuild: Sendable {
    public var summary: CatalogSummary
    public var fingerprint: String
}

/// The queries' timing of `search --benchmark` (one process, warm database).
public struct SearchTiming: Sendable {
    public var queries: Int
    public var results: Int
    /// Milliseconds.
    public var median: Double
    public var p90: Double
    public var max: Double

    /// `search: N queries, R results, median … ms, p90 … ms, max … ms`.
    public var line: String {
        String(format: "search: %d queries, %d results, median %.2f ms, p90 %.2f ms, max %.2f ms", queries, results, median, p90, max)
    }
}

extension Workspace {
    /// `catalog build`: validates the catalog and replaces the database's catalog tables and
    /// search index in one transaction, from the bytes just parsed.
    public func buildCatalog() throws -> CatalogBuild {
        let catalog = try self.catalog()
        let store = CatalogStore(database: try database())
        try store.build(catalog: catalog, fingerprint: catalog.fingerprint, folder: catalogFolder)
        return CatalogBuild(summary: CatalogSummary(catalog), fingerprint: catalog.fingerprint)
    }

    /// The compiled catalog for search, map, gaps and synergies, rebuilt first when the catalog
    /// files changed.
    ///
    /// - Returns: the store, and a note for stderr when it was (re)built.
    public func catalogStore() throws -> (store: CatalogStore, note: String?) {
        let store = CatalogStore(database: try database())
        let first = try store.storedFingerprint() == nil
        guard try store.ensureFresh(folder: catalogFolder) else { return (store, nil) }
        return (store, first ? "Compiled catalog \(catalogFolder) into \(databasePath)" : "Catalog \(catalogFolder) changed: rebuilt \(databasePath)")
    }

    /// Times each query (one per line of `queries`) against the compiled catalog.
    ///
    /// - Throws: `RioError.usage` when there is no query.
    public func searchTiming(_ store: CatalogStore, queries: String, limit: Int) throws -> SearchTiming {
        var times: [Double] = [], results = 0
        for line in queries.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let start = DispatchTime.now().uptimeNanoseconds
            results += try store.search(String(line), limit: limit).count
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        guard !times.isEmpty else { throw RioError.usage("the query file holds no query") }
        times.sort()
        let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        let p90 = times[min(times.count - 1, Int(Double(times.count) * 0.9))]
        return SearchTiming(queries: times.count, results: results, median: median, p90: p90, max: times[times.count - 1])
    }
}
