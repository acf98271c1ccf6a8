import RioModel
import RioPlanner
import RioStore

extension Workspace {
    /// `history NAME`: every recorded version of a plan, oldest first.
    ///
    /// - Throws: `RioError.unreadable` when there is no workspace database yet.
    public func history(name: String) throws -> [PlanRun] {
        try requireDatabase("no workspace database yet; `rioplan plan` records plan versions there").planRuns(name: name)
    }

    /// `diff OLD NEW`: what changed between two plans (files or recorded versions).
    ///
    /// - Returns: the diff, and a warning when the two plans have different names.
    public func diff(_ old: PlanReference, _ new: PlanReference) throws -> (diff: PlanDiff, warning: String?) {
        let a = try plan(old)
        let b = try plan(new, defaultName: a.plan.name)
        let warning =
            a.plan.name == b.plan.name ? nil : "comparing plan \(a.plan.name) with plan \(b.plan.name); sessions are matched by demand id"
        return (PlanDiff(old: a.plan, new: b.plan, oldLabel: a.label, newLabel: b.label), warning)
    }
}
