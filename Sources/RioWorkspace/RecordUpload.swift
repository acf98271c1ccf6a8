import Foundation
import RioModel
import RioStore

/// Records uploaded on the platform (serve.md, monitoring.md): sign-in sheets and outcomes sent
/// by a regional office for its own region's sessions, or by the coordinator for any, through
/// the same checks and the same one-transaction insert as `rioplan record`.
///
/// A regional office never learns anything about another region's sessions: such a session is
/// "not found", with the same message as a session no plan has, and no hint lists it.
extension Workspace {
    /// The region whose sessions `principal` may record: their own for a regional office, nil
    /// (any) for the coordinator.
    ///
    /// - Throws: `RioError.forbidden` for finance and viewers.
    func recordsRegion(of principal: Principal) throws -> String? {
        switch principal.role {
        case .coordinator: return nil
        case .region(let id): return id
        case .finance, .viewer:
            throw RioError.forbidden(
                "\(principal.name) (\(principal.role)) may not record sessions; the regional offices and the coordinator upload sign-in sheets and outcomes")
        }
    }

    /// Records an uploaded sign-in sheet (CSV or XLSX, told apart by content) for `session`.
    ///
    /// - Parameter fileName: the uploaded file's name, as shown in messages.
    /// - Throws: `RioError.notFound` when the session is in no recorded plan or (for a
    ///   regional office) is another region's; `.invalidInput` with every problem of the sheet
    ///   (never a participant's name); `.data` for a cancelled session; `.forbidden` for
    ///   finance and viewers.
    public func uploadAttendance(session: String, sheet: Data, fileName: String, by principal: Principal) throws -> RecordImport {
        let region = try recordsRegion(of: principal)
        let directory = SessionDirectory(try database(), region: region)
        guard directory.session(session) != nil else {
            let whose = region.map { " of \($0)" } ?? ""
            throw RioError.notFound(
                "no session `\(session)`\(whose) to record; pick one from the list of sessions you may record")
        }
        let input = AttendanceInput(session: session, file: NeedSheet.displayName(fileName), load: { sheet })
        return try recordAttendance([input], sheet: nil, replace: false, pseudonymise: false, directory: directory)
    }

    /// Records uploaded outcomes (YAML by a `.yaml` or `.yml` name, XLSX by content, else CSV);
    /// a regional office may name its own region's sessions only (another's is a row error
    /// that reads as for a session no plan has).
    ///
    /// - Throws: `RioError.invalidInput` with every problem; `.forbidden` for finance and viewers.
    public func uploadOutcomes(sheet: Data, fileName: String, by principal: Principal) throws -> RecordImport {
        let region = try recordsRegion(of: principal)
        let directory = SessionDirectory(try database(), region: region)
        return try recordOutcomes(data: sheet, fileName: NeedSheet.displayName(fileName), sheet: nil, directory: directory)
    }

    /// The session ids of the latest recorded version of `plan` that `principal` may record,
    /// in plan order: all for the coordinator, its region's for a regional office.
    ///
    /// - Throws: `RioError.notFound` when no version of `plan` is recorded; `.forbidden` for
    ///   finance and viewers.
    public func sessionsVisible(to principal: Principal, plan: String) throws -> [String] {
        let region = try recordsRegion(of: principal)
        guard let db = try existingDatabase(), let run = try db.latestPlanRun(name: plan), let runID = run.id else {
            throw RioError.notFound("no recorded plan `\(plan)`; the coordinator records it with `rioplan plan`")
        }
        return try db.sessions(ofRun: runID).filter { region == nil || $0.region == region }.map(\.session)
    }
}
