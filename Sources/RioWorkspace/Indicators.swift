import RioModel
import RioStore

/// How `rioplan outcomes --by` groups the indicators.
public enum IndicatorGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    case region, convention, theme, country, module
}

/// The outcome indicators of monitoring.md over the records of one or more plans: per group
/// and in total, and the delivered sessions under 40% women. Counts and shares only.
///
/// A joint session counts for each of its conventions (and themes): counts are not split, so
/// groups may add up to more than the total.
public struct Indicators: Sendable, Hashable, Codable {
    /// Outcomes by kind.
    public struct OutcomeCounts: Sendable, Hashable, Codable {
        public var policy = 0, institutional = 0, project = 0, reporting = 0, other = 0
        public var total: Int { policy + institutional + project + reporting + other }
        /// The counts in `OutcomeKind.allCases` order.
        public var counts: [Int] { [policy, institutional, project, reporting, other] }

        mutating func add(_ kind: OutcomeKind) {
            switch kind {
            case .policy: policy += 1
            case .institutional: institutional += 1
            case .project: project += 1
            case .reporting: reporting += 1
            case .other: other += 1
            }
        }
    }

    /// The indicators of one group (or of all, `total`).
    public struct Line: Sendable, Hashable, Codable {
        public var group: String
        /// nil by country (sessions are not planned per country).
        public var planned: Int?
        public var delivered: Int
        public var cancelled: Int?
        public var participants: Int
        public var participantDays: Int
        public var women: Int
        public var disclosed: Int
        /// women / disclosed.
        public var womenShare: Double?
        public var countries: Int
        public var ldcShare: Double?
        public var sidsShare: Double?
        /// completed / participants.
        public var completionRate: Double?
        /// Mean of post - pre over participants with both scores.
        public var learningGain: Double?
        public var followedUp: Int
        /// applied / followed up.
        public var applicationRate: Double?
        public var outcomes: OutcomeCounts
        /// Actual (else planned) cash of delivered sessions with attendance / their participant-days.
        public var cashPerParticipantDay: Double?
    }

    /// A delivered session whose women's share is under 40%.
    public struct ParityGap: Sendable, Hashable, Codable {
        public var session: String
        public var region: String
        public var module: String
        public var women: Int
        public var disclosed: Int
        public var womenShare: Double
    }

    /// `NAME@N` of the plan versions read.
    public var plans: [String]
    public var by: IndicatorGrouping?
    /// In catalog order of the grouping.
    public var groups: [Line]
    public var total: Line
    /// In plan order.
    public var underParity: [ParityGap]
    /// The parity threshold (UNCCD Gender Action Plan: parity by 2030).
    public static let parityThreshold = 0.4
}

extension Workspace {
    /// `rioplan outcomes`: the indicators of the latest recorded version of each of `plans`
    /// (every recorded plan when empty), in total and grouped `by`.
    ///
    /// - Complexity: one grouped pass over the attendance (SQL) and one over the tallies.
    public func outcomes(plans: [String] = [], by: IndicatorGrouping? = nil) throws -> Indicators {
        let db = try requireDatabase("no workspace database yet; `rioplan plan` records plans and `rioplan record` their delivery")
        let catalog = try self.catalog()
        let snapshot = try RecordSnapshot(db: db, plans: plans)
        var builder = IndicatorBuilder(catalog: catalog, by: by)
        builder.add(snapshot)
        return builder.result(plans: snapshot.labels, snapshot: snapshot)
    }
}
