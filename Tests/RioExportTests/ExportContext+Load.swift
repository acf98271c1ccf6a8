import Foundation
import RioModel

@testable import RioExport

extension ExportContext {
    /// The plan file at `planPath` with the request and catalog it names (tests only; the
    /// product loads plans through the workspace library's `PlanContext`).
    static func load(planPath: String) throws -> ExportContext {
        let plan = try PlanFile.read(planPath)
        let paths = PlanFile.inputs(of: plan, planPath: planPath, request: nil, catalog: nil)
        let catalog = try CatalogLoader.load(folder: paths.catalog)
        let request = try PlanRequestLoader.load(path: paths.request, catalog: catalog)
        return ExportContext(plan: plan, planPath: planPath, request: request, catalog: catalog)
    }
}
