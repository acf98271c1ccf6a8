import Foundation

// Delivery records (monitoring.md): what was delivered, who came, what they applied, what
// changed. These value types are the contract between the importers (sheets → records), the
// workspace database, the indicators and the national reports.

/// Whether a planned session took place.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case delivered, cancelled
}

/// The delivery of one planned session: actual dates, place, language, status and cash.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// The plan session id, e.g. `jlg-2027/d-af-01`.
    public var session: String
    public var start: Day
    public var end: Day
    /// nil online.
    public var venue: String?
    public var language: String
    public var status: DeliveryStatus
    /// Why a session was cancelled (required then).
    public var reason: String?
    /// Actual cash spent, in the plan's currency (nil: as planned).
    public var cash: Int?

    public init(
        session: String, start: Day, end: Day, venue: String?, language: String, status: DeliveryStatus, reason: String? = nil,
        cash: Int? = nil
    ) {
        self.session = session; self.start = start; self.end = end; self.venue = venue; self.language = language
        self.status = status; self.reason = reason; self.cash = cash
    }
}

/// A participant's sex as sign-in sheets record it.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case female, male, other, undisclosed
}

/// The kind of organisation a participant comes from.
public enum OrganisationType: String, Sendable, Hashable, Codable, CaseIterable {
    case government, ngo, academia, iplc, `private`, youth, intergovernmental, other
}

/// One participant of a delivered session (one sign-in sheet row).
///
/// `participant` is personal data: it is stored (as given, or as a keyed hash with
/// `--pseudonymise`) only to recognise the same row when a sheet is imported again, and never
/// appears in any output.
public struct AttendanceRecord: Sendable, Hashable, Codable {
    public var session: String
    public var participant: String
    /// ISO 3166-1 alpha-3, one of the catalog's countries.
    public var country: String
    public var sex: Sex
    public var organisation: OrganisationType
    /// Convention ids the person is national focal point for.
    public var focalPoint: [String]
    public var completed: Bool
    /// Test scores 0...100.
    public var pre: Int?
    public var post: Int?
    /// 1...5.
    public var reaction: Int?

    public init(
        session: String, participant: String, country: String, sex: Sex, organisation: OrganisationType, focalPoint: [String] = [],
        completed: Bool, pre: Int? = nil, post: Int? = nil, reaction: Int? = nil
    ) {
        self.session = session; self.participant = participant; self.country = country; self.sex = sex
        self.organisation = organisation; self.focalPoint = focalPoint; self.completed = completed
        self.pre = pre; self.post = post; self.reaction = reaction
    }
}

/// Whether a participant applied what they learned, months later.
public struct FollowUpRecord: Sendable, Hashable, Codable {
    public var session: String
    public var participant: String
    public var applied: Bool
    public var date: Day
    public var note: String?

    public init(session: String, participant: String, applied: Bool, date: Day, note: String? = nil) {
        self.session = session; self.participant = participant; self.applied = applied; self.date = date; self.note = note
    }
}

/// What an outcome changed.
public enum OutcomeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case policy, institutional, project, reporting, other
}

/// A change in a country that stems from sessions of the programme; it counts for the
/// conventions of those sessions' modules.
public struct OutcomeRecord: Sendable, Hashable, Codable {
    public var country: String
    public var sessions: [String]
    public var kind: OutcomeKind
    public var description: String
    public var date: Day
    public var evidence: String?

    public init(country: String, sessions: [String], kind: OutcomeKind, description: String, date: Day, evidence: String? = nil) {
        self.country = country; self.sessions = sessions; self.kind = kind; self.description = description; self.date = date
        self.evidence = evidence
    }
}
