import RioModel

/// A column a record sheet may have: the name the template writes, and the other header names
/// accepted for it (matched case-insensitively, ignoring spaces, hyphens and underscores).
struct RecordColumn: Sendable, Hashable {
    /// The field it fills, e.g. `country`.
    let key: String
    /// The template's header, e.g. `Country`.
    let label: String
    /// Other accepted headers.
    let aliases: [String]
    let required: Bool

    /// `Pre-test score` → `pretestscore`: what headers are compared by (letters and digits,
    /// lower-cased).
    ///
    /// A byte-order mark at the start, also as the `ï»¿` it becomes when a UTF-8 file was opened
    /// as Latin-1 and saved again, is not part of the name.
    static func normal(_ header: String) -> String {
        var text = header
        for mark in ["\u{FEFF}", "ï»¿"] where text.hasPrefix(mark) { text.removeFirst(mark.count) }
        var out = String.UnicodeScalarView()
        for u in text.lowercased().unicodeScalars where ("a"..."z").contains(u) || ("0"..."9").contains(u) || (u.value > 127 && u.properties.isAlphabetic) {
            out.append(u)
        }
        return String(out)
    }

    /// The field each accepted header names, by its normal form: built once per column list.
    static func lookup(_ columns: [RecordColumn]) -> [String: RecordColumn] {
        var out: [String: RecordColumn] = [:]
        for c in columns { for name in [c.label] + c.aliases where out[normal(name)] == nil { out[normal(name)] = c } }
        return out
    }

    /// `Country (also accepted: ISO3, Country code)`.
    var accepted: String { aliases.isEmpty ? label : "\(label) (also accepted: \(aliases.joined(separator: ", ")))" }

    static let participant = RecordColumn(
        key: "participant", label: "Participant", aliases: ["Name", "Participant name", "Full name", "Participant ID", "ID"], required: true)
    static let country = RecordColumn(key: "country", label: "Country", aliases: ["ISO3", "Country code", "ISO", "ISO code"], required: true)
    static let session = RecordColumn(key: "session", label: "Session", aliases: ["Session ID", "Session id"], required: true)

    /// The sign-in sheet's columns (`record attendance`, `record template`).
    static let attendance: [RecordColumn] = [
        participant, country,
        RecordColumn(key: "sex", label: "Sex", aliases: ["Gender"], required: true),
        RecordColumn(key: "organisation", label: "Organisation", aliases: ["Organization", "Org type", "Organisation type", "Organization type"], required: true),
        RecordColumn(key: "focalPoint", label: "Focal point", aliases: ["National focal point", "NFP", "Focal point for"], required: false),
        RecordColumn(key: "completed", label: "Completed", aliases: ["Complete", "Completion"], required: true),
        RecordColumn(key: "pre", label: "Pre-test", aliases: ["Pre", "Pre-test score", "Pretest"], required: false),
        RecordColumn(key: "post", label: "Post-test", aliases: ["Post", "Post-test score", "Posttest"], required: false),
        RecordColumn(key: "reaction", label: "Reaction", aliases: ["Satisfaction", "Rating"], required: false),
    ]

    /// The follow-up survey's columns (`record followup`).
    static let followUp: [RecordColumn] = [
        session, participant,
        RecordColumn(key: "applied", label: "Applied", aliases: ["Applied learning", "Has applied"], required: true),
        RecordColumn(key: "date", label: "Date", aliases: ["Follow-up date", "Survey date"], required: true),
        RecordColumn(key: "note", label: "Note", aliases: ["Notes", "Comment"], required: false),
    ]

    /// The outcome sheet's columns (`record outcomes` from CSV or XLSX).
    static let outcome: [RecordColumn] = [
        country,
        RecordColumn(key: "sessions", label: "Sessions", aliases: ["Session", "Session IDs"], required: true),
        RecordColumn(key: "kind", label: "Kind", aliases: ["Type", "Outcome kind"], required: true),
        RecordColumn(key: "description", label: "Description", aliases: ["Outcome"], required: true),
        RecordColumn(key: "date", label: "Date", aliases: [], required: true),
        RecordColumn(key: "evidence", label: "Evidence", aliases: ["URL", "Link", "Evidence URL"], required: false),
    ]
}
