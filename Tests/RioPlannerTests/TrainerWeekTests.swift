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
        let (crossed, local) = try TrainerFlowTests.travel(problem)

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

    @Test func aSessionMovesToAWeekWhereItsLocalTrainerIsFree() throws {
        // `af` is away in `pa`'s week: at the plan's dates the trainers cannot pass round; with
        // the weeks of `pa`'s window offered too, `pa` moves to a week where `af` is free.
        var (problem, solver) = try TrainerFlowTests.crossedSchedule()
        let pa = try #require(problem.demandIndex["pa"]), pw = try #require(problem.demandIndex["pw"])
        let af = try #require(problem.trainerIndex["af"]), we = try #require(problem.trainerIndex["we"])
        let before = solver.schedule.cash, pwStart = solver.schedule.startOf[pw]
        let (crossed, local) = try TrainerFlowTests.travel(problem)
        let targets = solver.movingWeekTargets()
        #expect(targets.map(\.session) == [pa, pw].sorted())
        #expect(targets.first { $0.session == pa }.map { $0.week != 0 && $0.trainers == [af] } == true)
        #expect(targets.first { $0.session == pw }.map { $0.week == pwStart / 7 && $0.trainers == [we] } == true)

        let moved = solver.polishTrainersByMovingWeeks()
        #expect(moved)
        #expect(solver.schedule.assignment[pa]?.trainers == [af])
        #expect(solver.schedule.assignment[pw]?.trainers == [we])
        #expect(solver.schedule.startOf[pa] / 7 != 0, "`af` is away in `pa`'s first week")
        #expect(solver.schedule.startOf[pw] == pwStart, "`pw` keeps its dates")
        #expect(solver.schedule.cash == before - (crossed - local))
        for t in problem.trainers.indices { #expect(solver.schedule.trainerDays[t] <= problem.trainerMaxDays[t]) }
        let movedAgain = solver.polishTrainersByMovingWeeks()
        #expect(!movedAgain, "the trainers and weeks are where the flow wants them")
    }

    @Test(arguments: Array(UInt64(1)...24))
    func theFlowsAtThePlansDatesNeverOverbookATrainer(seed: UInt64) throws {
        // On a constructed plan, applying every change either flow at the plan's dates, or the
        // whole allocation dates aside, proposes keeps each trainer within its days: a session
        // the flow splits keeps its trainers, and no other session is given their days.
        let (request, catalog) = try RandomRequest.make(seed: seed).load()
        let problem = ProblemCompiler.compile(request: request, catalog: catalog)
        var solver = Solver(problem: problem, options: SolverOptions(iterations: 1, seed: seed))
        solver.construct()
        let proposals = [
            solver.trainerTargets(atDates: true).map { ($0.session, $0.trainers) },
            solver.movingWeekTargets().map { ($0.session, $0.trainers) },
            solver.wholeTrainerTargets().map { ($0.session, $0.trainers) },
        ]
        for targets in proposals {
            var days = Array(repeating: 0, count: problem.trainers.count)
            for (s, a) in solver.schedule.assignment.enumerated() {
                guard let a else { continue }
                let trainers = targets.first { $0.0 == s }?.1 ?? a.trainers
                for t in trainers { days[t] += problem.demandDays[s] }
            }
            for t in problem.trainers.indices { #expect(days[t] <= problem.trainerMaxDays[t], "seed \(seed): \(problem.trainers[t].trainer.id)") }
        }
    }
}
