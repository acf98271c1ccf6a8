import RioModel
import RioPlanner

/// The answer of `explain`: why demands are left out, or where an asked-for demand is.
public enum Explanation: Sendable {
    /// The one demand asked about is scheduled: its session.
    case scheduled(PlanSession)
    /// Each left-out demand (all, or the one asked about) with its reasons.
    case unscheduled([UnscheduledDemand])
}

extension Workspace {
    /// `rioplan explain`: recomputes, against the request and catalog as they are now, why each
    /// demand of the plan is left out and what would let it in.
    ///
    /// - Parameter demand: only this demand.
    /// - Throws: `RioError.usage` for a demand the request lacks, `.data` when the plan's
    ///   sessions do not match the request.
    public func explain(_ context: PlanContext, demand: String? = nil) throws -> Explanation {
        if let demand {
            guard context.request.demand(demand) != nil else {
                throw RioError.usage("\(demand) is not a demand of \(context.request.name); pass one of its demand ids")
            }
            if let s = context.plan.sessions.first(where: { $0.demand == demand }) { return .scheduled(s) }
        }
        let problem = ProblemCompiler.compile(request: context.request, catalog: context.catalog)
        guard let assignment = PlanReader.assignment(of: context.plan, in: problem) else {
            throw RioError.data("\(context.label): its sessions do not match the request (run `rioplan check \(context.label)` to see why)")
        }
        let list = Explainer.unscheduled(problem, assignment)
        return .unscheduled(demand.map { d in list.filter { $0.demand == d } } ?? list)
    }
}
