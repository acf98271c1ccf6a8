import Foundation
import RioModel

/// Everything an export reads: the plan, and the request and catalog it was made from.
///
/// Built by the workspace library (`PlanContext`), which loads the three once and refuses a plan
/// that does not verify before any export sees it; exports show the plan's own figures.
public struct ExportContext: Sendable {
    public var plan: Plan
    /// The plan file's path, or the recorded version's `NAME@N` (shown in the report's footer).
    public var planPath: String
    public var request: PlanRequest
    public var catalog: Catalog
    /// When the plan was written (the file's modification time or the version's recording
    /// time, whole seconds); calendars use it as `DTSTAMP`, so the same plan gives the same bytes.
    public var writtenAt: Date?

    public init(plan: Plan, planPath: String, request: PlanRequest, catalog: Catalog, writtenAt: Date? = nil) {
        self.plan = plan; self.planPath = planPath; self.request = request; self.catalog = catalog
        self.writtenAt = writtenAt ?? PlanFile.modificationDate(planPath)
    }

    // MARK: Names shown to people, falling back to ids.

    public func moduleTitle(_ id: String) -> String { catalog.module(id)?.title ?? id }
    public func regionName(_ id: String) -> String { catalog.region(id)?.name ?? id }
    public func themeLabel(_ id: String) -> String { catalog.theme(id)?.label ?? id }
    public func trainerName(_ id: String) -> String { request.trainer(id)?.name ?? id }

    /// `Venue name, City`, or `Online` for a session without a venue.
    public func locationText(_ session: PlanSession) -> String {
        guard let v = session.venue else { return "Online" }
        guard let venue = catalog.venue(v) else { return v }
        return venue.city.isEmpty ? venue.name : "\(venue.name), \(venue.city)"
    }

    /// Conventions in the catalog's order, then any others the plan names (sorted), so every
    /// convention the plan mentions has a place.
    public var conventionOrder: [String] {
        let order = catalog.conventions.map(\.id)
        var seen = Set(order)
        var extra: [String] = []
        for s in plan.sessions { for c in s.conventions where !seen.contains(c) { seen.insert(c); extra.append(c) } }
        return order + extra.sorted()
    }
}
