import Foundation
import RioModel
import RioStore

/// The needs collected for a cycle, as a request's `demand` list (`rioplan needs CYCLE --out
/// FILE.yaml`, named by the request as `demand: FILE.yaml`).
public struct NeedList: Sendable, Hashable {
    /// The cycle.
    public var cycle: String
    /// Every need, by region id then need id.
    public var rows: [NeedRow]
    /// How many submissions they came in.
    public var submissions: Int

    /// How many regions the needs are for.
    public var regions: Int { Set(rows.map(\.region)).count }

    /// The YAML file: two comment lines saying where it comes from, then one flow mapping per
    /// need (`[]` when there is none), which `PlanRequestLoader` reads as the demand list.
    public func yaml() -> String {
        let counts = "\(NeedList.count(rows.count, "need")) from \(NeedList.count(regions, "region")), \(NeedList.count(submissions, "submission"))"
        var text = "# Needs sent by the regional offices for \(cycle) (rioplan needs): \(counts).\n"
        text += "# Name this file in the plan request as `demand: FILE.yaml`.\n"
        if rows.isEmpty { return text + "[]\n" }
        for r in rows { text += r.yamlEntry + "\n" }
        return text
    }

    /// `Wrote 3 needs from 2 regions (2 submissions) to Plans/needs.yaml; use it as
    /// `demand: needs.yaml` in Plans/jlg-2027.yaml.`
    ///
    /// - Parameters:
    ///   - path: the file written, as given.
    ///   - request: the cycle's plan request file; the `demand:` path is relative to it.
    public func summary(wrote path: String, request: String) -> String {
        let reference = PlanFile.relativePath(path, from: (request as NSString).deletingLastPathComponent)
        let counts = "\(NeedList.count(rows.count, "need")) from \(NeedList.count(regions, "region")) (\(NeedList.count(submissions, "submission")))"
        return "Wrote \(counts) to \(path); "
            + "use it as `demand: \(reference)` in \(request)."
    }
}

extension NeedList {
    /// `1 need`, `3 needs`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension Workspace {
    /// Every need stored for `cycle`, by region then id.
    ///
    /// - Throws: `RioError.data` for an unknown cycle.
    public func needList(cycle: String) throws -> NeedList {
        _ = try cycleHorizon(cycle)
        let batches = try existingDatabase()?.needBatches(cycle: cycle) ?? []
        let rows = batches.flatMap { $0.lines.map(NeedRow.init) }.sorted { ($0.region, $0.id) < ($1.region, $1.id) }
        return NeedList(cycle: cycle, rows: rows, submissions: batches.count)
    }

    /// Writes the cycle's needs as a demand list to `path` (temporary file and rename) and
    /// returns what was written.
    ///
    /// - Throws: as `needList`, and `RioError.cannotWrite` (exit 73).
    public func exportNeeds(cycle: String, to path: String) throws -> NeedList {
        let list = try needList(cycle: cycle)
        try AtomicFile.write(list.yaml(), to: path)
        return list
    }

    /// Writes the cycle's needs as a demand list to `path` and returns how many there are.
    @discardableResult
    public func writeNeeds(cycle: String, to path: String) throws -> Int {
        try exportNeeds(cycle: cycle, to: path).rows.count
    }

    /// The plan request file of a cycle (`Plans/CYCLE.yaml`), as messages name it.
    public func cycleRequest(_ cycle: String) -> String { cyclePath(cycle) }
}
