/// How much the sessions a repack has still to put back want each trainer's days: each such
/// session spreads one unit over its possible starts, on the days each start would take of each
/// of its trainers.
///
/// A repack seats the least flexible sessions first; among a session's equally cheap seats it
/// takes the one the others want least, so that the last sessions still find a week when all
/// their trainers are free (the "least constraining value" rule of constraint solvers).
///
/// It also keeps the days those sessions will take of each trainer and organisation, so that a
/// session seated with other trainers than the flow gave it takes none of them.
struct RepackContention {
    private let dayCount: Int
    private var load: [Double]
    /// Days the sessions still out will take, per trainer and per organisation.
    private(set) var trainerDays: [Int]
    private(set) var orgDays: [Int]

    init(trainers: Int, orgs: Int, dayCount: Int) {
        self.dayCount = dayCount
        load = Array(repeating: 0, count: trainers * dayCount)
        trainerDays = Array(repeating: 0, count: trainers)
        orgDays = Array(repeating: 0, count: orgs)
    }

    /// Adds (`weight` 1) or takes back (`weight` -1) a session's want: `trainers` (of
    /// organisations `orgs`) on the `days` days of each start in `starts`, a share of one unit
    /// per start, and `days` of each trainer.
    mutating func add(_ trainers: [Int], orgs: [Int], starts: [Int], days: Int, weight: Int) {
        for (t, o) in zip(trainers, orgs) {
            trainerDays[t] += weight * days
            orgDays[o] += weight * days
        }
        guard !starts.isEmpty else { return }
        let share = Double(weight) / Double(starts.count)
        for t in trainers {
            for s in starts {
                for day in s..<min(s + days, dayCount) { load[t * dayCount + day] += share }
            }
        }
    }

    /// How much the sessions still out want the days a session of `trainers` starting at
    /// `start` would take.
    func cost(_ trainers: [Int], start: Int, days: Int) -> Double {
        var sum = 0.0
        for t in trainers {
            for day in start..<min(start + days, dayCount) { sum += load[t * dayCount + day] }
        }
        return sum
    }
}
