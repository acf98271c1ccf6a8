import Foundation
import Hummingbird
import RioModel
import RioWorkspace

/// `/api/v1/…`: JSON for scripts (`Authorization: Bearer TOKEN`), described by the OpenAPI
/// document at `/api/v1/openapi.json`. A browser session may call it too, with its CSRF token
/// in `X-CSRF-Token` on every POST.
struct APIController {
    let workspace: Workspace
    let limit: Int

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("/api/v1/plans", use: plans)
        router.get("/api/v1/plans/:name", use: plan)
        router.post("/api/v1/plans/:name/publish", use: publish)
        router.get("/api/v1/needs/:cycle", use: needs)
        router.post("/api/v1/needs/:cycle", use: submitNeeds)
        router.post("/api/v1/records/:plan/attendance", use: attendance)
        router.post("/api/v1/records/:plan/outcomes", use: outcomes)
    }

    struct PublicationJSON: Encodable {
        var name: String, version: Int, publishedAt: Date, publishedBy: String
        init(_ p: Publication) { name = p.name; version = p.version; publishedAt = p.publishedAt; publishedBy = p.publishedBy }
    }

    @Sendable func plans(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.require(.pages)
        struct Body: Encodable { var plans: [PublicationJSON] }
        return APIController.encode(Body(plans: try workspace.publishedPlanNames().map(PublicationJSON.init)))
    }

    /// The published plan file itself (`rioplan-plan/1`).
    @Sendable func plan(_ request: Request, context: PlatformContext) async throws -> Response {
        _ = try context.require(.pages)
        let name = try RouteInput.slug(context, "name")
        guard let plan = try workspace.publishedContext(name: name) else { throw PlatformFailure.notFound("no plan named \(name) is published") }
        let data = try PlanFile.encode(plan.plan)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Publishes `NAME@version` (query `version`) or the latest recorded version of NAME.
    @Sendable func publish(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.require(.publish)
        try caller.verifyCSRF(request.headers[APIController.csrfHeader])
        let name = try RouteInput.slug(context, "name")
        let version = request.uri.queryParameters["version"].map(String.init)
        if let version, Int(version) == nil { throw PlatformFailure.badRequest("version must be a whole number, as `rioplan history \(name)` lists") }
        let reference = version.map { "\(name)@\($0)" } ?? name
        let workspace = self.workspace
        let publication = try await Blocking.run { try workspace.publish(reference, by: caller.principal.name) }
        return APIController.encode(PublicationJSON(publication))
    }

    struct SubmissionJSON: Encodable {
        struct Row: Encodable {
            var id, module, region: String
            var participants: Int
            var languages: [String]?
            var priority: Int?
            var earliest, latest: String?
        }
        var id: Int, cycle, region, sender, source: String
        var submittedAt: Date
        var rows: [Row]
        init(_ s: NeedSubmission) {
            id = s.id; cycle = s.cycle; region = s.region; sender = s.sender; source = s.source; submittedAt = s.submittedAt
            rows = s.rows.map {
                Row(
                    id: $0.id, module: $0.module, region: $0.region, participants: $0.participants, languages: $0.languages, priority: $0.priority,
                    earliest: $0.earliest?.iso, latest: $0.latest?.iso)
            }
        }
    }

    @Sendable func needs(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let cycle = try RouteInput.slug(context, "cycle")
        struct Body: Encodable { var cycle, start, end: String; var submissions: [SubmissionJSON] }
        let (visible, dates) = try NeedsController.cycleNeeds(workspace, cycle: cycle, caller: caller)
        let submissions = visible.map(SubmissionJSON.init)
        return APIController.encode(Body(cycle: cycle, start: dates.start.iso, end: dates.end.iso, submissions: submissions))
    }

    @Sendable func submitNeeds(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        let cycle = try RouteInput.slug(context, "cycle")
        let (fileName, data) = try await sheet(request, caller: caller)
        let workspace = self.workspace
        let stored = try await Blocking.run { try workspace.submitNeeds(cycle: cycle, sheet: data, fileName: fileName, by: caller.principal) }
        return APIController.encode(SubmissionJSON(stored), status: .created)
    }

    struct ImportJSON: Encodable {
        var kind: String, sessions: [String], summary: String
        init(_ r: RecordImport) { kind = r.what.rawValue; sessions = r.sessions; summary = r.line }
    }

    @Sendable func attendance(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        _ = try RouteInput.slug(context, "plan")
        guard let session = request.uri.queryParameters["session"].map(String.init), !session.isEmpty else {
            throw PlatformFailure.badRequest("name the session: ?session=PLAN/DEMAND")
        }
        let (fileName, data) = try await sheet(request, caller: caller)
        let workspace = self.workspace
        let done = try await Blocking.run { try workspace.uploadAttendance(session: session, sheet: data, fileName: fileName, by: caller.principal) }
        return APIController.encode(ImportJSON(done), status: .created)
    }

    @Sendable func outcomes(_ request: Request, context: PlatformContext) async throws -> Response {
        let caller = try context.signedIn()
        _ = try RouteInput.slug(context, "plan")
        let (fileName, data) = try await sheet(request, caller: caller)
        let workspace = self.workspace
        let done = try await Blocking.run { try workspace.uploadOutcomes(sheet: data, fileName: fileName, by: caller.principal) }
        return APIController.encode(ImportJSON(done), status: .created)
    }

    /// The uploaded sheet: a multipart form's `sheet` file, or the raw body (CSV or XLSX, named
    /// by the `file` query parameter). Checks the CSRF token of a session caller.
    func sheet(_ request: Request, caller: Caller) async throws -> (fileName: String, data: Data) {
        if MultipartForm.boundary(ofContentType: request.headers[.contentType] ?? "") != nil {
            let form = try await SubmittedForm.read(request, limit: limit)
            try caller.verifyCSRF(request.headers[APIController.csrfHeader] ?? form.fields["csrf"])
            return try form.file("sheet")
        }
        try caller.verifyCSRF(request.headers[APIController.csrfHeader])
        let data = Data(try await request.body.collect(upTo: limit).readableBytesView)
        guard !data.isEmpty else { throw PlatformFailure.badRequest("send the sheet as the request body (CSV or XLSX)") }
        let xlsx = (request.headers[.contentType] ?? "").contains("spreadsheetml")
        let name = request.uri.queryParameters["file"].map { String($0.prefix(1000)) } ?? (xlsx ? "upload.xlsx" : "upload.csv")
        return (name, data)
    }

    static let csrfHeader = HTTPFields.Element.Name("X-CSRF-Token")!

    /// A JSON response, keys sorted, dates ISO 8601.
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        guard let data = try? encoder.encode(value) else {
            return Response(status: .internalServerError, headers: fields, body: .init(byteBuffer: ByteBuffer(string: "{\"error\":{\"message\":\"internal error\"}}")))
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
