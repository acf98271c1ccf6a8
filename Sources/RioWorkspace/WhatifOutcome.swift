import Foundation
import RioModel
import RioPlanner

/// The answer of `whatif`: the scenario's plan against the current one, and what changed.
public struct WhatifOutcome: Sendable {
    /// The scenario's changes, as sentences ("gef-ccb cap 900,000 → 630,000").
    public var changes: [String]
    /// The plan the scenario is compared with.
    public var current: ReferencedPlan
    /// The scenario's plan (never recorded).
    public var run: PlanningRun
    /// Sessions, value and money that changed from the current plan.
    public var diff: PlanDiff
}

extension Workspace {
    /// `rioplan whatif`: plans the request changed by `scenario` (in memory; the request file is
    /// not touched) with the current plan as baseline, and compares the two.
    ///
    /// - Parameters:
    ///   - against: the current plan; default the latest recorded version of the request's name,
    ///     else `NAME.plan.json` next to the request.
    ///   - out: also write the scenario's plan there.
    /// - Returns: nil conflicts and the outcome, or the pins that cannot hold.
    public func whatif(
        request requestPath: String, scenario: Scenario, against: PlanReference? = nil, out: String? = nil, search: SearchSettings
    ) throws -> (WhatifOutcome?, [String]) {
        let catalog = try self.catalog()
        let original = try PlanRequestLoader.load(path: requestPath, catalog: catalog)
        let request = try scenario.apply(to: original)
        let current = try currentPlan(name: request.name, requestPath: requestPath, against: against)
        let outDir = out.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        // The plan answers a changed request, so it records no request fingerprint.
        let inputs = Plan.PlanInputs(
            request: PlanFile.relativePath(requestPath, from: outDir), catalog: PlanFile.relativePath(catalogFolder, from: outDir),
            requestSha256: nil, catalogSha256: catalog.fingerprint)
        let (solved, conflicts) = try solve(request, catalog: catalog, search: search, baseline: current.plan, inputs: inputs)
        guard let run = solved else { return (nil, conflicts) }
        if let out { try PlanFile.write(run.plan, to: out) }
        let diff = PlanDiff(old: current.plan, new: run.plan, oldLabel: current.label, newLabel: "what-if")
        return (WhatifOutcome(changes: scenario.describe(original), current: current, run: run, diff: diff), [])
    }

    /// The plan a scenario is compared with: `against`, else the latest recorded version of
    /// `name`, else `NAME.plan.json` next to the request.
    func currentPlan(name: String, requestPath: String, against: PlanReference?) throws -> ReferencedPlan {
        if let against { return try plan(against, defaultName: name) }
        if let db = try existingDatabase(), let run = try db.latestPlanRun(name: name) {
            return try ReferencedPlan(recorded: run)
        }
        let file = ((requestPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(name).plan.json")
        if FileManager.default.fileExists(atPath: file) { return try plan(PlanReference(file)) }
        throw RioError.usage(
            "no current plan of \(name) to compare with: none recorded in \(databasePath) and no \(file); run `rioplan plan \(requestPath)` first or pass --against PLAN.json"
        )
    }
}
