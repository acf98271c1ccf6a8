import Foundation
import RioModel
import Testing

@testable import RioPlanner

/// Undoing a re-seat whose log holds a session before the one that took its place: every
/// session the log touched comes back as it was, and so do the days it holds.
@Suite struct UndoTests {
    /// `first` and `second` (online-1d, two possible days each) and `probe` (the same days), all
    /// taught only by `a`, who is free both days.
    static var spec: RequestSpec {
        var spec = RequestSpec()
        spec.demand = ["first", "second", "probe"].map {
            "{id: \($0), module: online-1d, region: africa, participants: 10, earliest: 2027-03-08, latest: 2027-03-09}"
        }
        spec.staff = ["{id: a, name: A, org: CBD, home: africa, languages: [en], modules: [online-1d], dayRate: 300}"]
        return spec
    }

    @Test func undoingASwapOfDaysLeavesBothDaysHeld() throws {
        var (problem, solver) = try PolishTests.emptySolver(Self.spec)
        let first = try #require(problem.demandIndex["first"]), second = try #require(problem.demandIndex["second"])
        let probe = try #require(problem.demandIndex["probe"])
        let seat = try #require(solver.schedule.cheapest(first))
        let days = problem.demands[first].starts
        try #require(days.count == 2)
        func on(_ day: Int) -> Assignment {
            var a = seat
            a.start = day
            return a
        }
        solver.schedule.insert(first, on(days[0]))
        solver.schedule.insert(second, on(days[1]))
        // A re-seat: `first` moves to the second day, which displaces `second` to the first day;
        // the log holds `first` before `second`, as `reseat` and `seatDisplacing` write it.
        var log: [(Int, Assignment?)] = []
        if let a = solver.schedule.remove(first) { log.append((first, a)) }
        if let a = solver.schedule.remove(second) { log.append((second, a)) }
        solver.schedule.insert(first, on(days[1]))
        solver.schedule.insert(second, on(days[0]))

        solver.undo(&log, to: 0)
        #expect(log.isEmpty)
        #expect(solver.schedule.startOf[first] == days[0] && solver.schedule.startOf[second] == days[1])
        for day in days {
            let free = solver.schedule.fits(probe, on(day))
            #expect(!free, "`a` teaches on day \(day), so `probe` cannot have it")
        }
        #expect(solver.schedule.trainerDays == [2])
    }
}
