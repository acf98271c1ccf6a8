import Foundation
import RioModel

/// Everything an export reads: the plan, and the request and catalog it was made from.
///
/// The request and catalog are found from the plan's `inputs` (paths relative to the plan
/// file's folder) unless overridden. When their fingerprints no longer match the ones the
/// plan recorded, `warnings` says so; the export still runs, since the plan's own figures
/// are what it shows.
public struct ExportContext: Sendable {
    public var plan: Plan
    public var planPath: String
    public var request: PlanRequest
    public var catalog: Catalog
    /// Things a person should know (inputs changed since the plan was made), for stderr.
    public var warnings: [String]

    public init(plan: Plan, planPath: String, request: PlanRequest, catalog: Catalog, warnings: [String] = []) {
        self.plan = plan; self.planPath = planPath; self.request = request; self.catalog = catalog
        self.warnings = warnings
    }

    /// Reads the plan at `planPath`, then its catalog and request (or the given overrides).
    ///
    /// Throws `RioError.unreadable` (exit 66) for a missing file and `.data`/`.invalidInput`
    /// (exit 65) for a plan, request or catalog that does not parse.
    public static func load(planPath: String, request: String? = nil, catalog: String? = nil) throws -> ExportContext {
        let plan = try PlanFile.read(planPath)
        let paths = PlanFile.inputs(of: plan, planPath: planPath, request: request, catalog: catalog)
        let cat = try CatalogLoader.load(folder: paths.catalog)
        let req = try PlanRequestLoader.load(path: paths.request, catalog: cat)
        var warnings: [String] = []
        if let recorded = plan.inputs.catalogSha256, let now = try? CatalogLoader.fingerprint(of: paths.catalog), recorded != now {
            warnings.append(
                "the catalog \(paths.catalog) changed since the plan was made; names and labels come from the current catalog, figures from the plan (re-plan with `rioplan plan` to bring them in line)"
            )
        }
        if let recorded = plan.inputs.requestSha256, let now = try? PlanRequestLoader.fingerprint(of: req), recorded != now {
            warnings.append(
                "the request \(paths.request) changed since the plan was made; sources, trainers and day rates come from the current request, figures from the plan (re-plan with `rioplan plan` to bring them in line)"
            )
        }
        if req.name != plan.name {
            warnings.append("the request \(paths.request) is named `\(req.name)` but the plan is `\(plan.name)`; pass the plan's own request with --request")
        }
        return ExportContext(plan: plan, planPath: planPath, request: req, catalog: cat, warnings: warnings)
    }

    /// The time the plan was written (its file's modification time, whole seconds, UTC).
    ///
    /// Calendars use it as `DTSTAMP` so that exporting the same plan file twice gives the same
    /// bytes; nil when the file's attributes cannot be read.
    public var planModificationDate: Date? {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: planPath),
            let date = attrs[.modificationDate] as? Date
        else { return nil }
        return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
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
