import RioModel
import Testing

@testable import RioPlanner

/// Trainers by flow at the plan's dates, on schedules set up by hand.
@Suite struct TrainerWeekTests {
    /// `TrainerFlowTests.spec` without `af`'s week away.
    static var freeSpec: RequestSpec {
        var spec = TrainerFlowTests.spec
        spec.staff[0] = "{id: af, name: Af, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}"
        return spec
    }

    @Test func theTrainersPassRoundAtTheirDates() throws {
        // `pa` (africa) taught by `we`, `pw` (weog) by `af`, both in the first week.
        var (problem, solver) = try TrainerFlowTests.seated(Self.freeSpec, [("pa", "we", 0), ("pw", "af", 0)])
        let pa = try #require(problem.demandIndex["pa"]), pw = try #require(problem.demandIndex["pw"])
        let af = try #require(problem.trainerIndex["af"]), we = try #require(problem.trainerIndex["we"])
        let before = solver.schedule.cash, starts = (solver.schedule.startOf[pa], solver.schedule.startOf[pw])
        let crossed = problem.demands[pa].travelByTrainer[we] + problem.demands[pw].travelByTrainer[af]
        let local = problem.demands[pa].travelByTrainer[af] + problem.demands[pw].travelByTrainer[we]

        let moved = solver.polishTrainersByWeek()
        #expect(moved)
        #expect(solver.schedule.assignment[pa]?.trainers == [af])
        #expect(solver.schedule.assignment[pw]?.trainers == [we])
        #expect(solver.schedule.startOf[pa] == starts.0 && solver.schedule.startOf[pw] == starts.1, "both stay at their dates")
        #expect(solver.schedule.cash == before - (crossed - local))
        let movedAgain = solver.polishTrainersByWeek()
        #expect(!movedAgain, "the trainers are where the flow wants them")
    }

    @Test func aTrainerAwayAtASessionsDatesIsNotOfferedIt() throws {
        // `af` is away in the first week, where `pa` is: the date-free flow gives it `pa`, the
        // flow at the plan's dates does not (and so changes nothing: `we` has no days for `pw`).
        let (problem, solver) = try TrainerFlowTests.crossedSchedule()
        let af = try #require(problem.trainerIndex["af"])
        let pa = try #require(problem.demandIndex["pa"])
        #expect(solver.trainerTargets().contains { $0.session == pa && $0.trainers.contains(af) })
        #expect(solver.trainerTargets(atDates: true).isEmpty)
    }

    @Test func aTrainersWeekHoldsFiveWorkingDays() throws {
        // Two three-day sessions in africa in the first week, taught from weog; the local `af` has
        // the days for both, but one week has room for only one of them.
        var spec = Self.freeSpec
        spec.demand = [
            "{id: pa, module: joint-3d, region: africa, participants: 10}",
            "{id: pb, module: joint-3d, region: africa, participants: 10}",
        ]
        spec.staff[0] = "{id: af, name: Af, org: UNCCD, home: africa, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 20}"
        spec.staff.append("{id: wf, name: Wf, org: UNCCD, home: weog, languages: [en], modules: [joint-3d], dayRate: 300, maxDays: 3}")
        let (problem, solver) = try TrainerFlowTests.seated(spec, [("pa", "we", 0), ("pb", "wf", 0)])
        let af = try #require(problem.trainerIndex["af"])
        #expect(solver.trainerTargets().filter { $0.trainers.contains(af) }.count == 2, "dates aside, `af` takes both")
        #expect(solver.trainerTargets(atDates: true).filter { $0.trainers.contains(af) }.count == 1)
    }
}
