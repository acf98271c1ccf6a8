extension Verifier {
    /// A rule of scheduling-model.md and plan-format.md that a plan file can break.
    ///
    /// The raw value is the rule's name as `rioplan check` prints it (`[trainerDoubleBooked]`) and
    /// as `--format json` writes it (`"rule" : "trainerDoubleBooked"`): a public contract, so a
    /// case may be added but never renamed. The cases are listed in the order the Verifier checks
    /// them.
    public enum Rule: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
        // MARK: The file

        /// `format` is not `rioplan-plan/1`.
        case format
        /// The plan's `name` is not the request's.
        case planName

        // MARK: Coverage of demands

        /// An unscheduled demand gives no reason.
        case unscheduledWithoutReason
        /// An unscheduled demand's reason code is not one of plan-format.md's.
        case reasonCode
        /// A demand of the request appears other than exactly once in sessions and unscheduled.
        case demandCoverage
        /// A session or unscheduled entry names a demand the request does not have.
        case unknownDemand

        // MARK: One session: identity and time

        /// A session's id is not `<request name>/<demand id>`.
        case sessionID
        /// A session's module or region differs from its demand's.
        case demandMismatch
        /// A session's start or end is not an ISO date (the session's other rules are skipped).
        case dates
        /// A session's end or day count does not match the module's days.
        case sessionLength
        /// A session does not fit Monday to Friday of one ISO week.
        case workingWeek
        /// A session day lies outside the horizon or the demand's window.
        case window
        /// A session touches a blackout that closes its region (or every region).
        case blackout
        /// A session's participants differ from its demand's.
        case participants
        /// A session's language is not offered by the module or not accepted by the demand.
        case language

        // MARK: One session: trainers

        /// A session does not have exactly the module's number of distinct trainers.
        case trainerCount
        /// A session names a trainer who is not in the request's staff.
        case unknownTrainer
        /// A trainer is not qualified for the session's module.
        case trainerUnqualified
        /// A trainer does not speak the session's language.
        case trainerLanguage
        /// A trainer is unavailable on a session day.
        case trainerUnavailable
        /// A trainer's organisation is kept away by a blackout the session touches.
        case orgBlackout

        // MARK: One session: venue, cost and funding

        /// A session's venue holds fewer seats than the demand's participants.
        case venueCapacity
        /// A venue-based session has no venue, or one of another region.
        case venue
        /// An online session has a venue.
        case onlineVenue
        /// A session's `cost` differs from the cost recomputed from catalog and request.
        case cost
        /// A funding line names a source the request does not have.
        case unknownSource
        /// A funding line has a negative amount.
        case negativeAmount
        /// A funding line's source may not pay for the session's module or region.
        case sourceIneligible
        /// A session's funding lines do not add up to its recomputed cash.
        case fundingTotal
        /// A session without cash has funding lines.
        case fundingOnZeroCash

        // MARK: Across sessions

        /// A trainer has two sessions on one day.
        case trainerDoubleBooked
        /// A trainer's session days exceed the trainer's `maxDays`.
        case trainerMaxDays
        /// A trainer teaches venue-based sessions in two regions within one ISO week.
        case travelRule
        /// A venue holds two sessions on one day.
        case venueDoubleBooked
        /// An organisation's trainer days exceed its `staffing` cap.
        case staffingCap
        /// A source's amounts over the plan exceed its cap.
        case sourceOverCap
        /// A prerequisite is neither delivered nor scheduled in the region strictly before.
        case prerequisite
        /// A pinned demand is not scheduled as pinned.
        case pinned

        // MARK: The score

        /// `score.value` differs from the sessions' value.
        case scoreValue
        /// `score.cash` differs from the sessions' cash.
        case scoreCash
        /// `score.inKind` differs from the sessions' in-kind.
        case scoreInKind
        /// `score.scheduled` or `score.demands` differs from the counts of sessions and demands.
        case scoreCounts

        /// The rule's name, as printed and encoded.
        public var description: String { rawValue }
    }
}
