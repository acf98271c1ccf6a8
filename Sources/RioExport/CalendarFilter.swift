import RioModel

/// Which sessions a calendar shows: `--region`, `--trainer` and `--convention`, each repeatable.
///
/// Values of one option are alternatives (any region listed); different options must all
/// hold (this region *and* this trainer). An empty filter keeps every session.
public struct CalendarFilter: Sendable, Hashable {
    public var regions: [String]
    public var trainers: [String]
    public var conventions: [String]

    public init(regions: [String] = [], trainers: [String] = [], conventions: [String] = []) {
        self.regions = regions; self.trainers = trainers; self.conventions = conventions
    }

    public var isEmpty: Bool { regions.isEmpty && trainers.isEmpty && conventions.isEmpty }

    /// Whether `session` passes every option that was given.
    public func matches(_ session: PlanSession) -> Bool {
        if !regions.isEmpty && !regions.contains(session.region) { return false }
        if !trainers.isEmpty && !session.trainers.contains(where: trainers.contains) { return false }
        if !conventions.isEmpty && !session.conventions.contains(where: conventions.contains) { return false }
        return true
    }

    /// The filter in words for calendar names, e.g. `region africa; convention CBD, UNCCD`; empty when none.
    public var label: String {
        var parts: [String] = []
        if !regions.isEmpty { parts.append("region " + regions.joined(separator: ", ")) }
        if !trainers.isEmpty { parts.append("trainer " + trainers.joined(separator: ", ")) }
        if !conventions.isEmpty { parts.append("convention " + conventions.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// Warnings for values that name no region, trainer or convention of the catalog and request
    /// (a typo would otherwise give a silently empty calendar).
    public func unknownValues(in context: ExportContext) -> [String] {
        var out: [String] = []
        for r in regions where context.catalog.region(r) == nil {
            out.append("--region \(r) names no region of the catalog (known: \(context.catalog.regions.map(\.id).joined(separator: ", ")))")
        }
        for t in trainers where context.request.trainer(t) == nil {
            out.append("--trainer \(t) names no trainer of the request \(context.request.path)")
        }
        for c in conventions where !context.conventionOrder.contains(c) {
            out.append("--convention \(c) names no convention of the catalog (known: \(context.conventionOrder.joined(separator: ", ")))")
        }
        return out
    }
}
