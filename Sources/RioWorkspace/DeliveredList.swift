import Foundation
import RioModel
import RioStore

/// The modules delivered in each region, from the delivery records: a request's `delivered`
/// list (`rioplan delivered --out FILE.yaml`, named by a later request as `delivered: FILE.yaml`).
public struct DeliveredList: Sendable, Hashable {
    /// `NAME@N` of the plan versions read.
    public var plans: [String]
    /// In catalog module order, then region order; each pair once.
    public var entries: [Delivered]

    /// The YAML file: a comment saying where it comes from, then the list (no participant data).
    public func yaml() -> String {
        var text = "# Modules delivered per region, from the delivery records of \(plans.joined(separator: ", ")) (rioplan delivered).\n"
        text += "# Name this file in a request as `delivered: FILE.yaml`: prerequisites delivered here count as met.\n"
        if entries.isEmpty { return text + "[]\n" }
        for e in entries { text += "- {module: \(e.module), region: \(e.region)}\n" }
        return text
    }
}

extension Workspace {
    /// `rioplan delivered`: the `{module, region}` pairs of the sessions recorded as delivered
    /// (or with attendance) in the latest recorded version of each of `plans` (all when empty).
    public func delivered(plans: [String] = []) throws -> DeliveredList {
        let db = try requireDatabase("no workspace database yet; `rioplan plan` records plans and `rioplan record` their delivery")
        let catalog = try self.catalog()
        let snapshot = try RecordSnapshot(db: db, plans: plans)
        var pairs = Set<Delivered>()
        for l in snapshot.lines where l.status == .delivered { pairs.insert(Delivered(module: l.stored.module, region: l.stored.region)) }
        let moduleOrder = Dictionary(catalog.modules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regionOrder = Dictionary(catalog.regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = pairs.sorted {
            (moduleOrder[$0.module] ?? Int.max, $0.module, regionOrder[$0.region] ?? Int.max, $0.region)
                < (moduleOrder[$1.module] ?? Int.max, $1.module, regionOrder[$1.region] ?? Int.max, $1.region)
        }
        return DeliveredList(plans: snapshot.labels, entries: sorted)
    }
}
