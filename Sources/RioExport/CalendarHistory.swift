import RioModel

extension ICalendar.History {
    /// What subscribed calendars must be told, from the versions of a plan up to the one exported.
    ///
    /// `versions` is oldest first; the last is the plan being exported. A session's `SEQUENCE` is
    /// the number of times its state changed after it first appeared: its start, end, venue,
    /// trainers or language changed, it was dropped, or it came back. A session of an earlier
    /// version that the exported plan no longer has is listed in `cancelled` (as last planned,
    /// with its sequence raised), so a client that missed a version still removes it.
    ///
    /// - Complexity: O(total sessions over all versions).
    public init(versions: [Plan]) {
        struct Key: Hashable {
            var start: String, end: String, venue: String?, trainers: [String], language: String
            init(_ s: PlanSession) {
                start = s.start; end = s.end; venue = s.venue; trainers = s.trainers.sorted(); language = s.language
            }
        }
        struct State {
            var key: Key?  // nil while dropped
            var session: PlanSession
            var sequence: Int
        }
        var states: [String: State] = [:]
        for plan in versions {
            var present: Set<String> = []
            for s in plan.sessions {
                present.insert(s.id)
                let key = Key(s)
                if var st = states[s.id] {
                    if st.key != key { st.sequence += 1 }
                    st.key = key; st.session = s
                    states[s.id] = st
                } else {
                    states[s.id] = State(key: key, session: s, sequence: 0)
                }
            }
            for (id, st) in states where st.key != nil && !present.contains(id) {
                states[id]?.key = nil
                states[id]?.sequence = st.sequence + 1
            }
        }
        self.init(
            sequence: states.mapValues(\.sequence),
            cancelled: states.values.filter { $0.key == nil }.map(\.session).sorted { ($0.start, $0.id) < ($1.start, $1.id) })
    }
}
