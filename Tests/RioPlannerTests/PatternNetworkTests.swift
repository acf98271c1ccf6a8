import Testing

@testable import RioPlanner

/// The value bound's funding network routes cash within the caps, moving another pattern's cash
/// to a source with room when that frees the one a pattern needs.
@Suite struct PatternNetworkTests {
    @Test func aPushReroutesAnotherPatternsCashAndAFailedSearchLeavesNoMarks() {
        // Source 0 is shared by patterns 0 and 1; pattern 1 may also use source 1; pattern 2 has source 2 alone.
        var network = PatternNetwork(caps: [100, 100, 50], patterns: [[0], [0, 1], [2]])
        #expect(network.push(100, from: 1) == 100)
        // Pattern 1's cash sits on source 0; pattern 0 gets it only by moving that to source 1.
        #expect(network.push(100, from: 0) == 100)
        #expect(network.room == [0, 0, 50])
        // Nothing left for patterns 0 and 1: the searches fail, and the next one starts clean.
        #expect(network.push(10, from: 0) == 0)
        #expect(network.push(1, from: 1) == 0)
        #expect(network.push(60, from: 2) == 50)
        #expect(network.room == [0, 0, 0])
    }

    @Test func aPushTakesWhatTheCapsAllowAndNoMore() {
        var network = PatternNetwork(caps: [30, 40, 50], patterns: [[0, 1], [1, 2], [0]])
        #expect(network.push(60, from: 0) == 60)
        #expect(network.room == [0, 10, 50])
        // Pattern 2 needs source 0, which pattern 0 filled: pattern 0 can move only 10 of it, to
        // source 1 (it holds no other source with room, and pattern 1 routes nothing to source 1).
        #expect(network.push(30, from: 2) == 10)
        #expect(network.push(100, from: 1) == 50)
        #expect(network.room == [0, 0, 0])
    }
}
