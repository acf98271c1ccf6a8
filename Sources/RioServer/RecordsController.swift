import Foundation
import Hummingbird
import RioModel
import RioWorkspace

/// `/records/PLAN`: a regional office uploads its sessions' sign-in sheets and outcomes,
/// through the same validation and transaction as `rioplan record`. Another region's session
/// is "not found" (the workspace's rule).
struct RecordsController {
    let workspace: Workspace
    let pages: PageRenderer
    let limit: Int
    let scrub: MessageScrubber

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/records/:plan", use: show)
        router.post("/records/:plan/attendance", use: attendance)
        router.post("/records/:plan/outcomes", use: outcomes)
    }

    struct RecordsView {
        var layout: PageLayout
        var plan: String
        var notice: String?
        var sessions: [String]
        var attendanceErrors: ProblemList?
        var outcomeErrors: ProblemList?
    }

    @Sendable func show(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        return try page(context, caller: caller)
    }

    @Sendable func attendance(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        _ = try RouteInput.slug(context, "plan")
        guard let session = form.value("session") else { throw PlatformFailure.badRequest("choose the session the sheet is for") }
        let (fileName, data) = try form.file("sheet")
        let workspace = self.workspace
        do {
            let done = try await Blocking.run { try workspace.uploadAttendance(session: session, sheet: data, fileName: fileName, by: caller.principal) }
            return try page(context, caller: caller, notice: done.line)
        } catch let error as RioError {
            guard case .invalidInput = error else { throw error }
            let failure = scrub(PlatformFailure.from(error).failure)
            return try page(context, caller: caller, attendanceErrors: ProblemList(failure), status: failure.status)
        }
    }

    @Sendable func outcomes(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        _ = try RouteInput.slug(context, "plan")
        let (fileName, data) = try form.file("sheet")
        let workspace = self.workspace
        do {
            let done = try await Blocking.run { try workspace.uploadOutcomes(sheet: data, fileName: fileName, by: caller.principal) }
            return try page(context, caller: caller, notice: done.line)
        } catch let error as RioError {
            guard case .invalidInput = error else { throw error }
            let failure = scrub(PlatformFailure.from(error).failure)
            return try page(context, caller: caller, outcomeErrors: ProblemList(failure), status: failure.status)
        }
    }

    func page(
        _ context: PlatformContext, caller: Caller, notice: String? = nil, attendanceErrors: ProblemList? = nil, outcomeErrors: ProblemList? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let plan = try RouteInput.slug(context, "plan")
        let sessions = try workspace.sessionsVisible(to: caller.principal, plan: plan)
        let view = RecordsView(
            layout: PageLayout(title: "Records \(plan)", caller: caller), plan: plan, notice: notice, sessions: sessions,
            attendanceErrors: attendanceErrors, outcomeErrors: outcomeErrors)
        return pages.page("records", view, status: status)
    }
}
