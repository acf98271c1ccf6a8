import RioModel
import RioStore

/// One need a regional office sent for a planning cycle: a demand of a request's `demand` list
/// (plan-request-format.md), as `rioplan needs` writes it.
public struct NeedRow: Sendable, Hashable, Codable {
    /// Unique in the cycle; `n-REGION-NNN` when the sender gave none.
    public var id: String
    /// A catalog module id.
    public var module: String
    /// A catalog region id.
    public var region: String
    /// 1 to the module's `maxParticipants`.
    public var participants: Int
    /// Accepted languages, a subset of the module's; nil: all of them.
    public var languages: [String]?
    /// 1..5; nil: the request's default (3).
    public var priority: Int?
    /// Inside the cycle's horizon; nil: its start (earliest) or end (latest).
    public var earliest: Day?
    public var latest: Day?

    /// A need.
    public init(
        id: String, module: String, region: String, participants: Int, languages: [String]? = nil, priority: Int? = nil,
        earliest: Day? = nil, latest: Day? = nil
    ) {
        self.id = id; self.module = module; self.region = region; self.participants = participants
        self.languages = languages; self.priority = priority; self.earliest = earliest; self.latest = latest
    }

    /// The field names of a need, in column order: the headers of a needs sheet and the names of
    /// the web form's fields. A form diagnostic's column is the field's 1-based place here.
    public static let fields = ["id", "module", "region", "participants", "languages", "priority", "earliest", "latest"]

    /// The need as stored (its id given).
    init(_ line: AppDatabase.NeedLine) {
        self.init(
            id: line.needId ?? "", module: line.module, region: line.region, participants: line.participants, languages: line.languages,
            priority: line.priority, earliest: line.earliest, latest: line.latest)
    }

    /// `- {id: n-africa-001, module: rio-eba, region: africa, participants: 30, languages: [en, fr]}`:
    /// one entry of a request's `demand` list, keys in the format's order, optional ones only when given.
    var yamlEntry: String {
        var parts = ["id: \(id)", "module: \(module)", "region: \(region)", "participants: \(participants)"]
        if let languages { parts.append("languages: [\(languages.joined(separator: ", "))]") }
        if let priority { parts.append("priority: \(priority)") }
        if let earliest { parts.append("earliest: \(earliest.iso)") }
        if let latest { parts.append("latest: \(latest.iso)") }
        return "- {\(parts.joined(separator: ", "))}"
    }
}
