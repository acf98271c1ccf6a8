import Foundation
import RioModel
import RioStore

/// One sheet or form a regional office (or the coordinator) sent for a planning cycle: who sent
/// it, when, from which file, and the needs it holds.
public struct NeedSubmission: Sendable, Hashable, Codable {
    /// The stored submission's number.
    public var id: Int
    /// The cycle: the name of its plan request under the plans folder.
    public var cycle: String
    /// The sender's region; for a coordinator's sheet, the regions of its rows (`africa, weog`).
    public var region: String
    /// Who sent it (the principal's name).
    public var sender: String
    public var submittedAt: Date
    /// `form`, or the uploaded file's name.
    public var source: String
    /// The needs, in the order sent.
    public var rows: [NeedRow]

    /// A submission as stored.
    init(_ batch: AppDatabase.NeedBatch) {
        id = Int(batch.id); cycle = batch.cycle; region = batch.region; sender = batch.sender
        submittedAt = batch.submittedAt; source = batch.source; rows = batch.lines.map(NeedRow.init)
    }

    /// The header of `table(_:)`.
    public static let tableHeader = NeedRow.fields + ["sender", "submitted", "source"]

    /// One line per need of `submissions` (in the order given, then the order sent), for a
    /// text table or CSV: the need's fields (empty when not given), sender, time (ISO 8601, UTC)
    /// and source file.
    public static func table(_ submissions: [NeedSubmission]) -> [[String]] {
        let stamp = ISO8601DateFormatter()
        return submissions.flatMap { s in
            s.rows.map { r in
                [
                    r.id, r.module, r.region, String(r.participants), r.languages?.joined(separator: " ") ?? "", r.priority.map(String.init) ?? "",
                    r.earliest?.iso ?? "", r.latest?.iso ?? "", s.sender, stamp.string(from: s.submittedAt), s.source,
                ]
            }
        }
    }

    /// The submissions as pretty JSON with sorted keys, times in ISO 8601 (UTC), dates as
    /// `YYYY-MM-DD`: stable across runs.
    public static func json(_ submissions: [NeedSubmission]) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(submissions), as: UTF8.self) + "\n"
    }
}
