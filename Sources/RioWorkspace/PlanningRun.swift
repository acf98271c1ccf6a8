import Foundation
import RioModel
import RioPlanner
import RioStore

/// How `plan` and `whatif` search: the command line's `--time-limit`, `--iterations`, `--seed`,
/// `--threads`.
public struct SearchSettings: Sendable {
    /// Seconds the whole run may take, loading the request and catalog included (ignored when
    /// `iterations` is set).
    public var timeLimit: Double
    /// When the run started (by default, when the settings were made): the time limit counts from it.
    public var started: ContinuousClock.Instant
    /// Exactly this many improvement steps: with `seed`, the same plan every run.
    public var iterations: Int?
    public var seed: UInt64
    /// Threads the portfolio of searches runs on (`Portfolio`); with `iterations` the plan does
    /// not depend on it.
    public var threads: Int
    /// Called a few times a second while searching (live progress on a terminal), with the
    /// search's figures and the number of demands.
    public var progress: (@Sendable (SolverProgress, Int) -> Void)?

    public init(
        timeLimit: Double = 10, iterations: Int? = nil, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (SolverProgress, Int) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit; self.iterations = iterations; self.seed = seed; self.threads = max(1, threads); self.progress = progress
        started = .now
    }

    /// The solver's options for a problem of `demands` demands.
    func solverOptions(demands: Int) -> SolverOptions {
        // What loading took comes off the search, so that the run ends within its limit.
        let spent = ContinuousClock.now - started
        let left = timeLimit - Double(spent.components.seconds) - Double(spent.components.attoseconds) / 1e18
        var options = SolverOptions(timeLimit: max(left, timeLimit * SearchSettings.leastSearchShare), iterations: iterations, seed: seed)
        if let progress { options.progress = { p in progress(p, demands) } }
        return options
    }

    /// The share of the time limit the search gets however long loading took.
    static let leastSearchShare = 0.5

    /// The plan's `solver` block for a finished search.
    func info(_ result: SolverResult) -> Plan.SolverInfo {
        Plan.SolverInfo(
            seconds: (result.seconds * 1000).rounded() / 1000, seed: seed,
            timeLimit: iterations == nil ? timeLimit : nil, iterations: iterations ?? result.iterations,
            threads: iterations == nil ? threads : nil
        ).proving(result.value, bound: result.bound)
    }
}

/// One solved request: the plan as it will be written, and how the search went.
public struct PlanningRun: Sendable {
    public var plan: Plan
    /// Steps the search made and the seconds it took.
    public var iterations: Int
    public var seconds: Double
    /// Sessions of the baseline kept unchanged (0 without a baseline).
    public var kept: Int
}

/// The answer of `plan`: a plan, or the pins that cannot all hold (nothing written then).
public enum PlanOutcome: Sendable {
    case planned(PlannedRequest)
    case pinConflicts([String])
}

/// A written (and, unless asked not to, recorded) plan.
public struct PlannedRequest: Sendable {
    public var run: PlanningRun
    /// Where the plan file was written.
    public var path: String
    /// The version recorded in the history, nil with `record: false` or when recording failed.
    public var version: Int?
    /// Why the plan was written but not recorded (the database could not be written).
    public var recordWarning: String?
    /// The baseline the run stayed close to, if any.
    public var baseline: ReferencedPlan?
}

extension Workspace {
    /// Loads the request (and the workspace's catalog), compiles and solves it.
    ///
    /// - Parameters:
    ///   - baseline: a previous plan to stay close to (`latest`, `NAME@N` or a file).
    /// - Returns: the plan, or the pin conflicts when the request's pins cannot all hold.
    /// - Throws: `RioError.internalError` when the plan fails `Verifier` (a planner defect; nothing is written).
    func solve(
        _ request: PlanRequest, catalog: Catalog, search: SearchSettings, baseline: Plan?, inputs: Plan.PlanInputs
    ) throws -> (PlanningRun?, [String]) {
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        var options = search.solverOptions(demands: problem.demands.count)
        if let baseline { options.baseline = PlanReader.baseline(of: baseline, in: problem) }
        let result = Portfolio(problem: problem, options: options, threads: search.threads).solve()
        guard result.pinConflicts.isEmpty else { return (nil, result.pinConflicts) }
        let plan = try PlanBuilder.plan(problem, result, inputs: inputs, solver: search.info(result))
        let report = Verifier(catalog: catalog, request: request).verify(plan)
        if let first = report.violations.first {
            // A planner defect, never the user's input: refuse rather than write a plan `check` rejects.
            throw RioError.internalError(
                "the planner made a plan that breaks \(report.violations.count) rule(s), first \(first.rule): \(first.message); no plan was written")
        }
        return (PlanningRun(plan: plan, iterations: result.iterations, seconds: result.seconds, kept: result.kept), [])
    }

    /// `rioplan plan`: plans `requestPath`, writes the plan file and records it as the next
    /// version of its name.
    ///
    /// - Parameters:
    ///   - out: the plan file (default `NAME.plan.json` next to the request).
    ///   - baseline: re-plan close to this plan (`latest`, `NAME@N` or a file).
    ///   - record: whether to record the run in the history.
    public func plan(
        request requestPath: String, out: String? = nil, baseline: PlanReference? = nil, record: Bool = true, search: SearchSettings
    ) throws -> PlanOutcome {
        let catalog = try self.catalog()
        let request = try PlanRequestLoader.load(path: requestPath, catalog: catalog)
        let outPath = out ?? ((requestPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(request.name).plan.json")
        let base = try baseline.map { try plan($0, defaultName: request.name) }
        let outDir = (outPath as NSString).deletingLastPathComponent
        let inputs = Plan.PlanInputs(
            request: PlanFile.relativePath(requestPath, from: outDir), catalog: PlanFile.relativePath(catalogFolder, from: outDir),
            requestSha256: request.fingerprint, catalogSha256: catalog.fingerprint)
        let (solved, conflicts) = try solve(request, catalog: catalog, search: search, baseline: base?.plan, inputs: inputs)
        guard let run = solved else { return .pinConflicts(conflicts) }
        let bytes = try PlanFile.encode(run.plan)
        try AtomicFile.write(bytes, to: outPath)
        var outcome = PlannedRequest(run: run, path: outPath, version: nil, recordWarning: nil, baseline: base)
        if record {
            do {
                outcome.version = try database().recordPlanRun(
                    name: run.plan.name, requestSha256: request.fingerprint, catalogSha256: catalog.fingerprint,
                    score: run.plan.score, planJSON: String(decoding: bytes, as: UTF8.self))
            } catch let e as RioError {
                outcome.recordWarning = "the plan was written but not recorded in the history: \(e.description)"
            }
        }
        return .planned(outcome)
    }
}
