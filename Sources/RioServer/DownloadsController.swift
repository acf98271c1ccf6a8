import Foundation
import Hummingbird
import RioWorkspace

/// `/plans/NAME/cofinancing.xlsx` and `.csv`: the published plan's co-financing workbook
/// and its Sessions sheet, for coordinators and finance staff, as attachments.
struct DownloadsController {
    let workspace: Workspace

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    func addRoutes(to router: Router<PlatformContext>) {
        router.get("/plans/:name/cofinancing.xlsx") { request, context in try await download(context, csv: false) }
        router.get("/plans/:name/cofinancing.csv") { request, context in try await download(context, csv: true) }
    }

    func download(_ context: PlatformContext, csv: Bool) async throws -> Response {
        _ = try context.require(.workbooks)
        let name = try RouteInput.slug(context, "name")
        let workspace = self.workspace
        guard let plan = try workspace.publishedContext(name: name), let version = try workspace.publications(name: name).last?.version else {
            throw PlatformFailure.notFound("no plan named \(name) is published")
        }
        let data = try await Blocking.run { try workspace.cofinancing(plan, csv: csv).data }
        let file = "\(name)-v\(version)-cofinancing.\(csv ? "csv" : "xlsx")"
        let headers: HTTPFields = [
            .contentType: csv ? "text/csv; charset=utf-8" : DownloadsController.xlsxType,
            .contentDisposition: "attachment; filename=\"\(file)\"", .cacheControl: "private, no-store", .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
