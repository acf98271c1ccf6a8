import Foundation

/// How long and how the solver searches.
public struct SolverOptions: Sendable {
    /// Wall-clock limit in seconds (ignored when `iterations` is set).
    public var timeLimit: Double
    /// A deterministic budget of improvement iterations; with a seed, the same plan every run.
    public var iterations: Int?
    public var seed: UInt64
    /// Called about four times a second with the search's progress.
    public var progress: (@Sendable (SolverProgress) -> Void)?
    /// A previous plan to stay close to: plans are then compared by value, then sessions kept
    /// unchanged from it, then cash.
    public var baseline: [Assignment?]?

    public init(
        timeLimit: Double = 10, iterations: Int? = nil, seed: UInt64 = 1,
        progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit; self.iterations = iterations; self.seed = seed; self.progress = progress
    }
}

public struct SolverProgress: Sendable {
    public var elapsed: Double
    public var value: Int
    public var cash: Int
    public var scheduled: Int
    public var iterations: Int
}

/// What the search found.
public struct SolverResult: Sendable {
    var assignment: [Assignment?]
    public internal(set) var value: Int
    public internal(set) var cash: Int
    public var iterations: Int
    public var seconds: Double
    /// Non-empty when pins cannot all hold: then no plan may be written.
    public var pinConflicts: [String]
    /// Baseline sessions kept unchanged (0 without a baseline).
    public var kept: Int = 0
    /// The proven upper bound on value (`ValueBound`): `value == bound` proves the value optimal.
    public var bound: Int = 0
}
