/// Every tuning constant of the search, in one place.
///
/// None of these changes which plans are valid or how two plans compare (scheduling-model.md
/// fixes that); they steer how the large-neighbourhood search spends its iterations. With a
/// fixed seed and iteration budget, changing any of them changes the plans the solver writes;
/// the tests check rules and proven optima, not one trajectory, and the effect of a change is
/// measured by the benchmarks (`Benchmarks/cash-by-seed.sh` and `plan-bench.sh`).
enum SolverTuning {
    // MARK: Picking a neighbourhood

    /// The neighbourhoods are picked by one uniform draw `u` in [0, 1): swap below this bound.
    ///
    /// The two moves for a left-out demand (swap, make room) apply only while some demand is
    /// unscheduled; otherwise draws below `makeRoomBelow` fall through to the cheaper-trainers
    /// move. Swapping one session for one left-out demand is a narrow move, so it gets 15%.
    static let swapBelow = 0.15
    /// Make room for a left-out demand when `u` is below this (and above `swapBelow`).
    ///
    /// The main value-raising move, so the largest share: 30% while some demand is unscheduled.
    static let makeRoomBelow = 0.45
    /// Free cheaper trainers when `u` is below this (and above `makeRoomBelow`).
    ///
    /// The cash-lowering move on trainer travel: 15% of the steps (60% once everything is scheduled).
    static let cheaperTrainersBelow = 0.6
    /// Re-seat neighbouring sessions when `u` is below this (and above `cheaperTrainersBelow`).
    ///
    /// 15% re-seating (venues and trainers of one region and fortnight).
    static let reseatNeighboursBelow = 0.75
    /// Open a prerequisite chain when `u` is below this (and above `reseatNeighboursBelow`).
    ///
    /// 5%: a chain is worth opening only where modules have prerequisites left undelivered.
    static let openChainBelow = 0.8
    /// Free a team of trainers for a left-out demand when `u` is below this (and above
    /// `openChainBelow`).
    ///
    /// 10%: where a module's few qualified trainers have used their days on other modules, those
    /// sessions must move to colleagues. On the 24- and 40-source public instances and their
    /// variants this is what reached the optimal value on every seed (5% left one seed short).
    static let freeTeamBelow = 0.9
    /// Drop sessions of low value per cash when `u` is below this (and above
    /// `freeTeamBelow`); above it, a few random sessions are dropped.
    ///
    /// 5% low-ratio drops, which free the money one costly session holds so that the repair can
    /// fund several cheaper demands with it (the exchange single-target moves never make: each
    /// ejects only what is worth less than its one target), and 5% random drops, the undirected
    /// move that keeps the search from settling.
    static let dropLowRatioBelow = 0.95
    /// How many prerequisite levels a chain move follows down from its demand.
    ///
    /// 3: the public instances' modules chain at most three deep (mod-03 → mod-07 → mod-21).
    static let maxChainDepth = 3
    /// Sessions drawn per low-ratio drop; the one of least value per cash among them goes.
    ///
    /// 3: biased towards costly sessions without always taking the same one.
    static let lowRatioTournament = 3

    // MARK: How much a step destroys

    /// A step drops `1 + below(min(maxDropped, scheduled / scheduledPerDrop + 1))` sessions in
    /// the random-drop and neighbour moves: at most this many.
    ///
    /// Kept small so that one greedy repair pass can put back what a step takes out.
    static let maxDropped = 6
    /// One more session may be dropped per this many scheduled sessions (up to `maxDropped`),
    /// so steps grow with the plan.
    static let scheduledPerDrop = 8

    // MARK: Swap

    /// Chance that a swap drops a second session of its pool, for targets that cost more than
    /// any single lower-value session frees.
    static let swapSecondDropChance = 0.5

    // MARK: Making room

    /// Chance that making room ejects by value per cash (knapsack or least-ratio order) rather
    /// than dropping related sessions at random.
    static let ejectByValueChance = 0.5
    /// When ejecting by value and the target's sources are short of money: chance of the exact
    /// small knapsack rather than the noisy least-ratio order.
    static let exactKnapsackChance = 0.5
    /// The exact knapsack runs over at most this many sessions, drawn at random (with
    /// replacement) from the pool when it is larger.
    ///
    /// The knapsack is O(sessions × value), so the sample bounds a step's cost on large requests.
    static let knapsackSample = 60
    /// The least-ratio ejection orders sessions by value per cash times a factor drawn from
    /// `ejectionNoiseLow ..< ejectionNoiseLow + ejectionNoiseWidth` (0.6 to 1.4), so that
    /// repeated attempts eject different sets.
    static let ejectionNoiseLow = 0.6
    /// Width of the least-ratio ejection's noise factor (see `ejectionNoiseLow`).
    static let ejectionNoiseWidth = 0.8
    /// Dropping related sessions at random removes at least this many, even when fewer would
    /// free the money, so that trainers and venues are freed as well.
    static let minRelatedDropped = 2

    // MARK: Cheaper trainers

    /// Chance that the cheaper-trainers move works on two costly sessions instead of one.
    static let secondCostlySessionChance = 0.3
    /// When the cheaper trainer has used up its own or its organisation's days: chance that each
    /// of its sessions in other weeks is dropped too, to free days for the costly session.
    static let cappedHolderDropChance = 0.3
    /// At most this many sessions holding the cheaper trainer are dropped per costly session (and,
    /// in the team move, this many times the team's size in all).
    static let maxHoldersDropped = 3

    // MARK: Re-seating neighbours

    /// Chance that neighbours are sessions of the same region nearby in time (rather than
    /// sessions sharing a trainer).
    static let neighboursByRegionChance = 0.5
    /// Sessions of the same region starting at most this many days apart are neighbours: two
    /// weeks, as the travel rule ties a trainer to one region per ISO week.
    static let neighbourDays = 14

    // MARK: Repair

    /// Greedy repair orders the unscheduled demands by value per cash times a factor drawn from
    /// `repairNoiseLow ..< repairNoiseLow + repairNoiseWidth` (0.7 to 1.3).
    static let repairNoiseLow = 0.7
    /// Width of the repair order's noise factor (see `repairNoiseLow`).
    static let repairNoiseWidth = 0.6
    /// Repair tries at most this many demands whose money and starts could admit them.
    ///
    /// Each try is a `Schedule.cheapest` scan; the bound caps a step's cost on large requests and
    /// is above the demand count of small ones.
    static let maxRepairTries = 80
    /// `Schedule.cheapest` scans starts from a position drawn below this bound (modulo the
    /// number of starts), so equal-cost sessions spread over the horizon.
    static let startRotationRange = 1 << 20

    // MARK: Acceptance and restarts

    /// Typical session cash, the scale of the cash temperature, is this fraction of the mean
    /// minimum cash of the demands.
    ///
    /// Small, so that equal-value moves costing more are accepted only early and only a little.
    static let cashTemperatureFraction = 0.03
    /// The annealing temperature falls linearly from `initialTemperature + finalTemperature` at
    /// the start to `finalTemperature` at the end of the budget (iterations or time).
    ///
    /// At 0.5 a step losing one unit of value is accepted about one time in seven at the start.
    static let initialTemperature = 0.5
    /// The temperature left at the end of the budget, so late steps may still move sideways.
    static let finalTemperature = 0.02
    /// Time-limited runs divide by at least this many seconds when cooling, so a zero limit does
    /// not divide by zero.
    static let minTimeLimit = 0.001
    /// After this many steps without a new best plan, the search goes back to the best.
    static let restartAfterSteps = 4000
    /// A day chain (`Solver+DayChains.swift`) frees a trainer's days through at most this many
    /// levels of colleagues: the new session's trainer passes a session to a colleague, who may
    /// pass one of its own to a third, and so on.
    ///
    /// 2: the 40-source public variants' optimal exchanges free a module's trainer through one
    /// colleague who frees its days on another module.
    static let dayChainDepth = 2
    /// A day chain tries at most this many substitutions (`Schedule.fits` checks) per insertion.
    static let dayChainBudget = 400
    /// The exchange polish (`Solver.polishExchanges`) tries at most this many exchanges in all.
    ///
    /// It bounds the polish on large requests (pub-xl leaves hundreds of demands out), where each
    /// exchange costs a few `Schedule.cheapest` scans and a day chain.
    static let exchangeBudget = 2000
    /// A left-out demand is tried in place of at most this many sessions: those sharing its money
    /// with least value per cash.
    static let exchangeCandidates = 12
    /// After an exchange's demand is in, at most this many other left-out demands are tried to
    /// bring the value back.
    static let exchangeFillTries = 10
    /// Per exchange polish, at most this many near misses (the value back at more cash) are
    /// polished before they are judged.
    ///
    /// A near miss costs two restores and a polish of the whole plan, so only a few are tried.
    static let nearMissPolishes = 3
    /// Cash polishing re-seats every session at most this many rounds.
    static let polishRounds = 5
    /// Sessions a trainers-by-flow re-seat may move out of the way of a session that takes its
    /// new trainers at another date.
    ///
    /// 2: a session whose new trainer is busy at its dates usually finds a date where one or
    /// two sessions of its trainers or venue stand in the way.
    static let flowDisplaced = 2
    /// Seats tried per session that needs sessions moved out of its way.
    ///
    /// 40: enough to pass the few seats where the displaced sessions find no other date.
    static let flowDisplaceTries = 40
    /// Times a trainer flow at the plan's dates or weeks (or, for `wholeTrainerTargets`, dates
    /// aside) is solved again with the sessions whose flow splits (between trainers or weeks)
    /// fixed at their trainers.
    ///
    /// 4: the splits are few and mostly gone after one or two rounds.
    static let flowSplitRounds = 4
    /// Trainer edges at most in the flow over trainers and weeks (`polishTrainersByMovingWeeks`);
    /// a larger plan skips it.
    ///
    /// 400,000: a 200-demand plan whose sessions may take most weeks of a year has about
    /// 100,000, solved in well under a second.
    static let movingWeekEdges = 400_000
    /// Time-limited runs report progress at most this often (seconds).
    static let progressInterval = 0.25

    // MARK: Early stop and portfolio

    /// The search stops early once the best value equals the proven bound (`ValueBound`) and the
    /// best plan has not improved for this many steps (in a portfolio: steps summed over its
    /// members, counted at epoch ends).
    ///
    /// Value is then proven optimal, but cash is the second criterion, so the search goes on while
    /// cash still falls. The trade-off: a cash saving that would only come after more than this
    /// many steps without any improvement is given up for the time saved. 3000 steps is a
    /// fraction of a second on pub-s to pub-l (57,000 to 190,000 steps per second on 2 threads)
    /// and below `restartAfterSteps`: the search stops about when it would otherwise go back to
    /// its best plan and start over.
    static let provenStopSteps = 3000
    /// With `--iterations`, a portfolio has exactly this many members whatever the thread count,
    /// so that the plan is the same on 1 thread or many.
    ///
    /// Two, the cores of the target machine: on 2 threads each member gets a core; on 1 they run
    /// in turn between epochs (twice the wall time of a lone search with the same budget).
    static let portfolioMembers = 2
    /// With `--iterations`, members meet (and adopt the best plan so far) every this many steps.
    ///
    /// Long enough that a member explores on its own between meetings (adopting costs a
    /// restore, about one step's worth of work), short enough that a good plan spreads quickly.
    static let epochSteps = 500
    /// With `--time-limit`, members meet every this many seconds (and the progress line updates).
    static let epochSeconds = 0.5
    /// With `--time-limit`, the search stops early enough for one more `polishStructure` as long
    /// as the longest so far, but never more than this share of the limit earlier; the final
    /// polish then stops at the limit, so a run ends within it (plus one group's re-seat).
    /// Once the best value meets the bound, the search stops this share early whatever the
    /// polishes took: on pub-src40 and two variants (10 s, seeds 1-12) cash above CP-SAT's
    /// optimum summed 1,200, optimal on 28 of 36, against 2,800 and 24 stopping as before.
    ///
    /// 0.15: with members that keep their own plans of the best value (`Portfolio.adopts`), both
    /// plans are polished deeply during the search, and search time matters more than the final
    /// polish's. On src40-v101 and src40-v103 (10 s, seeds 1-24, two runs): 43 and 44 of 48 at
    /// the optimal cash, 350 and 200 above in all, against 41 and 40 (650 each) with 0.2, and
    /// 36 (1,250) with 0.3. With 0.1 (stop 42, one run): 40 of 48, 900 above.
    static let finishReserveShare = 0.15
    /// A best value that has not risen for this share of the run so far counts as settled for
    /// `finishReserveShare`: the Lagrangian bound is often a little above the optimum
    /// (src40-v101: 1,115 against 1,109), and those runs' final polish had half a second.
    static let valueStillShare = 0.5
    /// The best plan is polished by the final polish's polishes during the search
    /// (`Solver.polishBestDeeply`) once this share of the limit has passed with the best value
    /// standing still for `valueStillShare` of the run so far.
    static let deepPolishFromShare = 0.3

    // MARK: The value bound

    /// The Lagrangian value bound (`ValueBound.lagrangianValue`) takes at most this many
    /// subgradient steps; any step's figure is a valid bound, more steps only tighten it.
    static let boundSubgradientSteps = 120
    /// Polyak step scale of the subgradient method at the start (halved on stalls).
    static let boundStepScale = 1.0
    /// The step scale halves after this many steps without a lower bound.
    static let boundPatience = 15
    /// The Polyak step aims at this fraction of the best bound so far (an estimate of the dual
    /// optimum a little below it).
    static let boundTargetFraction = 0.99
    /// Added to the Lagrangian figure before flooring, so floating-point error can only make the
    /// bound larger, never wrong.
    static let boundSlack = 1e-6

    // MARK: Pins

    /// The depth-first search over the pins' options gives up after this many options tried.
    ///
    /// Pins are few, so the budget is generous; it only stops pathological requests.
    static let pinNodeBudget = 50_000
    /// At most this many trainer combinations are listed per pinned language.
    static let maxPinTrainerCombinations = 200

    // MARK: Funding

    /// With at most this many funding sources, `Funding` keeps the cash needed by every set of
    /// sources (2^sources integers) and answers headroom by Hall's condition; with more, it
    /// keeps a maximum flow (`FlowNetwork`) and answers by an augmenting search.
    ///
    /// 2^14 bounds the table at 16,384 integers, which each insert or remove may touch. Below
    /// it the table is as fast as the search or faster, and keeps the plans written with few
    /// sources unchanged.
    static let maxSubsetSources = 14
    /// With more than `maxSubsetSources` and at most this many funding sources, `Funding` keeps a
    /// maximum flow from move to move; with more, it runs a whole max-flow per question.
    ///
    /// The kept flow's searches hold sets of sources in one 64-bit word.
    static let maxFlowNetworkSources = 64
}
