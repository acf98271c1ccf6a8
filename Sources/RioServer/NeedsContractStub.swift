// TEMPORARY: the needs-intake contract (serve-contract.md, helper N) until branch `needs` is
// merged; deleted at that merge.
import Foundation
import RioModel
import RioWorkspace

public struct NeedRow: Sendable, Hashable {
    public var id: String, module: String, region: String, participants: Int, languages: [String]?, priority: Int?, earliest: Day?, latest: Day?
}
public struct NeedSubmission: Sendable {
    public var id: Int, cycle: String, region: String, sender: String, submittedAt: Date, source: String, rows: [NeedRow]
}
extension Workspace {
    public func needsCycle(_ cycle: String) throws -> (start: Day, end: Day) { throw RioError.data("needs intake is not built yet") }
    public func submitNeeds(cycle: String, sheet: Data, fileName: String, by: Principal) throws -> NeedSubmission { throw RioError.data("not yet") }
    public func submitNeed(cycle: String, fields: [String: String], by: Principal) throws -> NeedSubmission { throw RioError.data("not yet") }
    public func needs(cycle: String, visibleTo: Principal) throws -> [NeedSubmission] { [] }
    public func uploadAttendance(session: String, sheet: Data, fileName: String, by: Principal) throws -> RecordImport { throw RioError.data("not yet") }
    public func uploadOutcomes(sheet: Data, fileName: String, by: Principal) throws -> RecordImport { throw RioError.data("not yet") }
    public func sessionsVisible(to: Principal, plan: String) throws -> [String] { [] }
}
