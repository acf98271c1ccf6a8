/// The tuning constants of the clusters (`Solver+Clusters.swift` and the polishes that pick
/// them), with the rest of `SolverTuning`.
extension SolverTuning {
    // MARK: Clusters

    /// Clusters (`Solver+Clusters.swift`): a group of the trainer flow is re-solved exactly only
    /// when it has at most this many sessions.
    ///
    /// 10: the cheaper exchanges the flow polishes miss on the 40-source variants pass trainers
    /// round four to eight sessions; larger groups make the search too wide for its budgets.
    static let clusterMaxSessions = 10
    /// Trainer flows the final polish's clusters solve at most (`Solver.polishClusters`), each
    /// with one more trainer of every group that found no seating kept off its session.
    ///
    /// 20: on 200-demand plans of the 40-source variants the flow runs out of changes within
    /// about 10 rounds (a flow takes milliseconds), and 60 gave the same plans on 12 runs; the
    /// bound only keeps a plan whose groups keep failing from looping long.
    static let clusterFlowRounds = 20
    /// A chain cluster takes in at most this many sessions beyond its costly session.
    ///
    /// 3: on pub-src40-v101 a session takes a colleague from another region whose days come
    /// from passing one session on, whose new trainer passes one on, whose new trainer passes one
    /// back to the first colleague, with two of them at other dates.
    static let clusterChainDepth = 3
    /// Sessions of a trainer that sheds days tried per chain link (those whose next trainer costs
    /// least more first).
    ///
    /// 8: with 4 the chain on pub-src40-v101 above was not reached (its sessions tie with others
    /// of the same trainer at no extra cost).
    static let clusterHolders = 8
    /// A seed chain (`Solver.polishSeedChains`) takes in at most this many sessions beyond its
    /// flow group: 4 reaches the src40-v101 chains there (group of three, then d-0041, d-0016
    /// and d-0163; or d-0041, d-0038, d-0124 and d-0163).
    static let seedChainRoom = 4
    /// The widths of the seed chains' passes, narrow first: sessions each link sheds and
    /// colleagues it follows, at most.
    static let seedChainWidths = [(2, 1), (4, 2), (clusterHolders, clusterColleagues)]
    /// Colleagues followed per session a chain passes on.
    static let clusterColleagues = 2
    /// Chain clusters (`polishTrainerClusters`) re-solved per polish at most.
    ///
    /// 20,000: most are dismissed at once (their sessions' cheapest teams cost no less than now),
    /// so on a 200-demand plan `clusterWork` ends a polish after 10,000 to 15,000. With 3,000 the
    /// chain above was not reached.
    static let clusterTries = 20_000
    /// Work of one chain-cluster polish at most, in `Solver.resolveCluster(_:work:)`'s units
    /// (trainers scanned, teams made, search nodes, `Schedule.fits` checks).
    ///
    /// 2,500,000: about 0.4 s on pub-src40-v101 (a polish there uses 1 to 2 million) and 0.3 s
    /// on pub-xl, where a cluster's teams are many and a polish re-solves about 100 clusters.
    /// Bounded by tries alone, a polish took up to 10 s on pub-xl, and its 60 s search made a
    /// sixteenth of its steps.
    static let clusterWork = 2_500_000
    /// Trainer choices (one team per session) a cluster tries to seat.
    static let clusterChoices = 40
    /// Nodes of a cluster's trainer search (one team tried for one session) at most.
    ///
    /// 20,000: a few milliseconds; a cluster whose day limits cut every branch deep down gives up
    /// there instead of trying every combination of its sessions' teams.
    static let clusterNodes = 20_000
    /// `Schedule.fits` checks per cluster, over all its choices' seatings.
    static let clusterFitsBudget = 20_000
    /// Random clusters (`Solver+RandomClusters.swift`) the final polish re-solves at most.
    ///
    /// 20,000: about 4 s on a 200-demand plan of the 40-source variants (most clusters are
    /// dismissed at once); the cheaper seating pub-src40 misses at 200,000 steps (seed 2) came up
    /// after 5,000 and 7,500 clusters in the portfolio's two members.
    static let randomClusterTries = 20_000
    /// Random clusters tried in a row without a cheaper seating, after which the polish stops
    /// (and the final polish walks the plateau, `plateauKicks`).
    ///
    /// 4,000: about 0.8 s on a 200-demand plan of the 40-source variants. With 20,000 and no
    /// walks, 10 s runs of pub-src40 and two variants (seeds 1-24, 72 runs) summed 2,100 above
    /// CP-SAT's optimal cash, optimal on 45; with 4,000 and the walks, 1,200 and 54. (With
    /// walks that moved nothing, 1,600 and 47: the polishes' second tries alone are within the
    /// runs' noise, which gave one build 650 and 1,350 on the same 36 runs.)
    static let randomClusterPatience = 4_000
    /// Walks on the plateau (`Solver.walkPlateau`) the final polish makes after its rounds, each
    /// followed by the polishes again, time allowing.
    ///
    /// 6: with a time limit, as many as the final polish has time for; with an iteration budget
    /// all six run (the test suite took 490 s instead of 270 s).
    static let plateauKicks = 6
    /// Sessions a plateau walk tries to move (each to the cheapest seat from a random start,
    /// kept when it costs the same).
    static let plateauMoves = 30
    /// Random clusters re-solved at each restart of the search to the best plan.
    ///
    /// 300: about 60 ms on a 200-demand plan. On pub-src40 and two variants (10 s, seeds 1-12,
    /// trainer links only) cash above CP-SAT's optimum summed 4,000 with 100, 2,550 with 300 and
    /// 2,250 with 1,000; with both links 2,500 with 300 and 3,300 with 1,000 (runs vary by about
    /// that much), against 5,750 with none.
    static let restartClusterTries = 300
    /// One random cluster in this many is grown from a flow group that found no cheaper seating
    /// (`FlowSeed`), when there is one; the others around a costly session.
    ///
    /// 2: on pub-src40 and two variants (200,000 steps, seeds 1-8) cash above CP-SAT's optimum
    /// summed 1,150, optimal on 17 of 24, against 2,400 and 13 with no flow seeds.
    static let flowSeedShare = 2
    /// A random cluster has at least this many sessions (and at most `clusterMaxSessions`).
    static let randomClusterMin = 4
    /// Draws per session wanted in a random cluster before it is taken smaller (a draw may
    /// give a session already in).
    static let randomClusterDraws = 4
    /// A blocker cluster (`Solver.polishBlockerClusters`) takes in at most this many sessions
    /// beyond its flow group.
    ///
    /// 4: on src40-v103 the flow group {d-0062, d-0116} needs d-0010 (whose trainer d-0116 takes)
    /// and d-0143 (which holds the venue d-0010 moves to).
    static let blockerRoom = 4
    /// Blocker sets (`Solver.blockerSets`) a cluster is grown by at each step, likeliest first.
    static let blockerBranching = 4
    /// Blocker clusters re-solved per polish at most.
    static let blockerTries = 200
    /// Work of one blocker-cluster polish at most (`Solver.resolveCluster(_:work:)`'s units).
    ///
    /// 250,000: about 0.04 s on a 200-demand plan. The final polish runs its polishes again after
    /// each that lowers cash, so a polish that finds nothing runs many times: with the chain
    /// clusters' budget (`clusterWork`) 10 s runs of pub-src40 and two variants were optimal on
    /// 41 of 72 against 58 without it.
    static let blockerWork = 250_000
    /// Teams per member and language whose blockers are looked for, cheapest first.
    static let blockerTeams = 40
    /// Sessions that block one seat at most: a seat held by more is left alone.
    static let blockerMax = 2
    /// Options counted per session when the cluster's trainer search picks the session with the
    /// fewest options left (`Solver.nextSession`).
    static let clusterForcedOptions = 4

    // MARK: Day paths (`Solver.polishDayPaths`)

    /// A day path's cluster has at most this many sessions: 12 holds the ten of src40-v101's
    /// d-0016 exchange (see `Solver+DayPaths.swift`) and a link or relief more.
    static let dayPathSessions = 12
    /// Links followed from each trainer of a day path, the cheapest of those that can end the
    /// path or go on. 6: with 3 or 4, links of equal travel filled the places and the src40-v101
    /// path was not among those found.
    static let dayPathBranching = 6
    /// Links that end a day path at a colleague whose organisation has the days, followed beyond
    /// `dayPathBranching` (the cheapest): on src40-v103 (seed 12) the cheaper links all ended at
    /// trainers of an organisation at its cap, whose relief cost more than the saving, and the
    /// path that ends at t-028, 400 dearer, was never followed.
    static let dayPathCleanEnds = 2
    /// Sessions one link sheds to one colleague at most.
    static let dayPathShed = 2
    /// Day paths gathered per costly session and cheaper colleague at most.
    static let dayPathLimit = 64
    /// Day paths re-solved per costly session and cheaper colleague at most, the cheapest.
    static let dayPathClusters = 8
    /// Steps of `Solver.extendDayPath` (each follows one trainer's links) per costly session and
    /// cheaper colleague at most: the clean ends (`dayPathCleanEnds`) widen the search, and this
    /// keeps a plan's day paths to tens of milliseconds.
    static let dayPathSteps = 300
    /// Nodes of a day path's trainer search: the ten-session exchange of src40-v101 needs about
    /// 30,000, beyond `clusterNodes`.
    static let dayPathNodes = 60_000
}
