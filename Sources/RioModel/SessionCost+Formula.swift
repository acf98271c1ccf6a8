/// The session-cost formula of scheduling-model.md, written once.
///
/// A session's cash is venue + participants + travel; its in-kind value is the trainers' day
/// rates times the days:
/// - venue: the venue's cost per day × days (0 online);
/// - participants: in person, participants × (region's `dsaPerDay` × days + `participantTravel`
///   + the module's `materialsPerParticipant`); online, the module's `onlinePlatformCost` +
///   participants × `materialsPerParticipant`;
/// - travel: the sum of each trainer's travel cost from home to the region (0 online).
///
/// The planner precompiles the parts that do not depend on its choices
/// (`participantsPart`) and adds venue and travel per candidate; the verifier recomputes the
/// whole from the plan file with `init(module:region:participants:venueCostPerDay:trainers:)`.
extension SessionCost {
    /// One trainer's share: day rate (in kind) and travel cost to the session's region (cash).
    public struct TrainerShare: Sendable, Hashable {
        public var dayRate: Int
        public var travel: Int
        public init(dayRate: Int, travel: Int) { self.dayRate = dayRate; self.travel = travel }
    }

    /// The participants part of the cash, fixed once module, region and head count are known.
    public static func participantsPart(module: TrainingModule, region: Region, participants: Int) -> Int {
        if module.delivery.isVenueBased {
            return participants * (region.dsaPerDay * module.days + region.participantTravel + module.materialsPerParticipant)
        }
        return module.onlinePlatformCost + participants * module.materialsPerParticipant
    }

    /// The venue part: cost per day × days, 0 without a venue.
    public static func venuePart(costPerDay: Int?, days: Int) -> Int { (costPerDay ?? 0) * days }

    /// The whole cost of a session of `module` in `region`.
    ///
    /// - Parameters:
    ///   - venueCostPerDay: the venue's cost per day (nil online).
    ///   - trainers: each trainer's day rate and travel cost; travel counts only in person.
    public init(module: TrainingModule, region: Region, participants: Int, venueCostPerDay: Int?, trainers: [TrainerShare]) {
        let inPerson = module.delivery.isVenueBased
        let venue = inPerson ? SessionCost.venuePart(costPerDay: venueCostPerDay, days: module.days) : 0
        let people = SessionCost.participantsPart(module: module, region: region, participants: participants)
        let travel = inPerson ? trainers.reduce(0) { $0 + $1.travel } : 0
        let inKind = trainers.reduce(0) { $0 + $1.dayRate * module.days }
        self.init(cash: venue + people + travel, inKind: inKind, venue: venue, participants: people, travel: travel)
    }
}
