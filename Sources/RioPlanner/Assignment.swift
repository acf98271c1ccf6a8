/// Where, when and by whom one demand is delivered.
///
/// Opaque outside RioPlanner: a baseline travels from `PlanReader.baseline` to
/// `SolverOptions.baseline`.
public struct Assignment: Sendable, Hashable {
    var start: Int
    var lang: Int
    /// Venue index, or -1 for online sessions.
    var venue: Int
    var trainers: [Int]
    var cash: Int
}
