/// Where, when and by whom one demand is delivered.
public struct Assignment: Sendable, Hashable {
    public var start: Int
    public var lang: Int
    /// Venue index, or -1 for online sessions.
    public var venue: Int
    public var trainers: [Int]
    public var cash: Int
}
