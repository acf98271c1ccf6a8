import Foundation
import Hummingbird
import RioModel
import RioWorkspace

/// `/needs/CYCLE`: a regional office's needs for a planning cycle: what it submitted, a form
/// for one need and an upload form for a CSV or XLSX sheet; row errors are shown next to the
/// form that sent them. The workspace checks every row and keeps an office to its own region.
struct NeedsController {
    let workspace: Workspace
    let pages: PageRenderer
    let limit: Int
    let scrub: MessageScrubber

    /// The one-need form's fields: the columns of a request's `demand` list.
    static var formFields: [(name: String, label: String, required: Bool)] {
        NeedRow.fields.map { name in (name, labels[name] ?? name, ["module", "participants"].contains(name)) }
    }

    static let labels = [
        "id": "Id (optional: generated)", "module": "Module id", "region": "Region id (a regional office: its own)", "participants": "Participants",
        "languages": "Languages (optional, e.g. en fr)", "priority": "Priority (optional)", "earliest": "Earliest start YYYY-MM-DD (optional)",
        "latest": "Latest start YYYY-MM-DD (optional)",
    ]

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/needs", use: index)
        router.get("/needs/:cycle", use: show)
        router.post("/needs/:cycle", use: submitOne)
        router.post("/needs/:cycle/upload", use: upload)
    }

    struct NeedsView {
        struct Field { var name: String; var label: String; var value: String; var required: Bool }
        struct Row { var id, module, region: String; var participants: Int; var languages, priority, earliest, latest: String }
        struct Submission { var id: Int; var sender, submittedAt, source, region: String; var rows: [Row] }
        var layout: PageLayout
        var cycle, start, end: String
        var notice: String?
        var fields: [Field]
        var formErrors: ProblemList?
        var uploadErrors: ProblemList?
        var submissions: [Submission]
    }

    /// `/needs?cycle=NAME` (the home page's form) goes to that cycle's page.
    @Sendable func index(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.signedIn()
        guard let cycle = request.uri.queryParameters["cycle"].map(String.init), RouteInput.isSlug(cycle) else { return Response.redirect(to: "/") }
        return Response.redirect(to: "/needs/\(cycle)")
    }

    @Sendable func show(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let notice = request.uri.queryParameters["stored"].flatMap { Int($0) }.map { "Stored submission #\($0)." }
        return try page(context, caller: caller, notice: notice)
    }

    @Sendable func submitOne(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        let cycle = try cycleName(context)
        var fields: [String: String] = [:]
        for field in NeedsController.formFields { if let v = form.value(field.name) { fields[field.name] = v } }
        do {
            let stored = try workspace.submitNeed(cycle: cycle, fields: fields, by: caller.principal)
            return Response.redirect(to: "/needs/\(cycle)?stored=\(stored.id)")
        } catch let error as RioError {
            guard case .invalidInput = error else { throw error }
            let failure = scrub(PlatformFailure.from(error).failure)
            return try page(context, caller: caller, values: fields, formErrors: ProblemList(failure), status: failure.status)
        }
    }

    @Sendable func upload(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let form = try await SubmittedForm.read(request, limit: limit)
        try form.verifyCSRF(caller)
        let cycle = try cycleName(context)
        let (fileName, data) = try form.file("sheet")
        let workspace = self.workspace
        do {
            let stored = try await Blocking.run { try workspace.submitNeeds(cycle: cycle, sheet: data, fileName: fileName, by: caller.principal) }
            return Response.redirect(to: "/needs/\(cycle)?stored=\(stored.id)")
        } catch let error as RioError {
            guard case .invalidInput = error else { throw error }
            let failure = scrub(PlatformFailure.from(error).failure)
            return try page(context, caller: caller, uploadErrors: ProblemList(failure), status: failure.status)
        }
    }

    func cycleName(_ context: PlatformContext) throws -> String { try RouteInput.slug(context, "cycle") }

    /// The needs of `cycle` that `caller` may see and the cycle's dates; 404 when the cycle has
    /// no plan request with a horizon (finance and viewers are refused first).
    static func cycleNeeds(_ workspace: Workspace, cycle: String, caller: Caller) throws -> (visible: [NeedSubmission], dates: (start: Day, end: Day)) {
        do {
            return (try workspace.needs(cycle: cycle, visibleTo: caller.principal), try workspace.needsCycle(cycle))
        } catch RioError.data(let message) { throw PlatformFailure.notFound(message) }
    }

    /// The cycle's page; 404 when the cycle has no plan request with a horizon.
    func page(
        _ context: PlatformContext, caller: Caller, notice: String? = nil, values: [String: String] = [:], formErrors: ProblemList? = nil,
        uploadErrors: ProblemList? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let cycle = try cycleName(context)
        let (visible, dates) = try NeedsController.cycleNeeds(workspace, cycle: cycle, caller: caller)
        let ownRegion: String? = if case .region(let r) = caller.principal.role { r } else { nil }
        let fields = NeedsController.formFields.map { f in
            NeedsView.Field(name: f.name, label: f.label, value: values[f.name] ?? (f.name == "region" ? ownRegion ?? "" : ""), required: f.required)
        }
        let submissions = visible.map(NeedsController.submissionRow)
        let view = NeedsView(
            layout: PageLayout(title: "Needs \(cycle)", caller: caller), cycle: cycle, start: dates.start.iso, end: dates.end.iso, notice: notice,
            fields: fields, formErrors: formErrors, uploadErrors: uploadErrors, submissions: submissions)
        return pages.page("needs", view, status: status)
    }

    static func submissionRow(_ s: NeedSubmission) -> NeedsView.Submission {
        let rows = s.rows.map { r in
            NeedsView.Row(
                id: r.id, module: r.module, region: r.region, participants: r.participants, languages: r.languages?.joined(separator: ", ") ?? "",
                priority: r.priority.map(String.init) ?? "", earliest: r.earliest?.iso ?? "", latest: r.latest?.iso ?? "")
        }
        return NeedsView.Submission(
            id: s.id, sender: s.sender, submittedAt: RouteInput.display(s.submittedAt), source: s.source, region: s.region, rows: rows)
    }
}
