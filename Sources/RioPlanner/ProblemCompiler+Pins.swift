import RioModel

extension ProblemCompiler.DemandCompiler {
    /// Narrows `options` to what `pin` names (start, language, venue, trainers) and records
    /// each part of the pin that cannot hold as a conflict, in that order.
    mutating func applyPin(_ pin: Pin, _ d: Demand, _ m: TrainingModule, region ri: Int, window: (lo: Day, hi: Day), _ options: inout Options) {
        let off = pin.start.number - grid.base
        if options.starts.contains(off) {
            options.starts = [off]
        } else {
            conflicts.append(
                "\(d.id): pinned start \(pin.start) is not allowed (\(ProblemCompiler.startProblem(pin.start, m.days, window.lo, window.hi, request, d)))")
            options.starts = []
        }
        if let l = pin.language {
            if !options.languages.contains(l) {
                conflicts.append("\(d.id): pinned language \(l) is not offered (module \(m.id) runs in \(options.languages.joined(separator: ", ")))")
            }
            options.languages = options.languages.filter { $0 == l }
        }
        if let v = pin.venue { options.venue = pinVenue(v, d, m, region: ri) }
        if let ts = pin.trainers { options.trainers = pinTrainers(ts, d, m, languages: options.languages) }
    }

    /// The index of pinned venue `v` (nil when the catalog has no such venue), recording a
    /// conflict when it is in another region, too small, or the module is online.
    mutating func pinVenue(_ v: String, _ d: Demand, _ m: TrainingModule, region ri: Int) -> Int? {
        let vi = venueIndex[v]
        if let vi {
            if venues[vi].region != ri {
                conflicts.append("\(d.id): pinned venue \(v) is not in region \(d.region)")
            } else if venues[vi].capacity < d.participants {
                conflicts.append("\(d.id): pinned venue \(v) holds \(venues[vi].capacity), fewer than \(d.participants) participants")
            }
        }
        if !m.delivery.isVenueBased { conflicts.append("\(d.id): pinned venue \(v), but module \(m.id) is online") }
        return vi
    }

    /// The staff indices of pinned trainers `ids` (unknown ids left out), recording a conflict
    /// when their number is not the module's, or one is unqualified or speaks none of `languages`.
    mutating func pinTrainers(_ ids: [String], _ d: Demand, _ m: TrainingModule, languages: [String]) -> [Int] {
        let indices = ids.compactMap { trainerIndex[$0] }
        if ids.count != m.trainers { conflicts.append("\(d.id): pin names \(ids.count) trainer(s); module \(m.id) needs \(m.trainers)") }
        for t in ids {
            guard let tr = request.trainer(t) else { continue }
            if !tr.modules.contains(m.id) { conflicts.append("\(d.id): pinned trainer \(t) is not qualified for \(m.id)") }
            if !languages.contains(where: tr.languages.contains) {
                conflicts.append("\(d.id): pinned trainer \(t) speaks none of \(languages.joined(separator: ", "))")
            }
        }
        return indices
    }
}

extension ProblemCompiler {
    /// Why an `n`-day session of demand `d` may not start on `s` within `lo...hi`.
    static func startProblem(_ s: Day, _ n: Int, _ lo: Day, _ hi: Day, _ r: PlanRequest, _ d: Demand) -> String {
        if s.weekday + n > 5 {
            return
                "a \(n)-day session starting on a \(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][s.weekday]) does not fit Monday to Friday"
        }
        if s < lo || s.adding(days: n - 1) > hi { return "it lies outside the window \(lo)..\(hi)" }
        if let b = r.blackouts.first(where: { $0.blocks(region: d.region, first: s, last: s.adding(days: n - 1)) }) {
            return "it touches the blackout \(b.name) \(b.range.description)"
        }
        return "not allowed"
    }
}
