import Foundation
import RioExport
import RioModel
import RioPlanner

/// A plan with the request and catalog it was made from, each loaded exactly once, and the
/// verifier's report on it: what `check`, `explain`, every export and the report start from.
///
/// The request and catalog are the ones the plan's `inputs` name (paths relative to the plan
/// file's folder, or to the workspace's plans folder for a recorded version) unless overridden.
/// When their fingerprints differ from the ones the plan recorded, `warnings` says so.
public struct PlanContext: Sendable {
    public var plan: Plan
    /// The file path or `NAME@N`, as shown to people.
    public var label: String
    /// The recorded version, nil for a plan file.
    public var version: Int?
    public var request: PlanRequest
    public var catalog: Catalog
    public var requestPath: String
    public var catalogPath: String
    /// When the plan was written (file modification time or recording time).
    public var writtenAt: Date?
    /// Inputs that changed since the plan was made, for stderr.
    public var warnings: [String]
    /// The verifier's findings: rules broken and the recomputed score.
    public var report: Verifier.Report

    /// What the exports read.
    public var exportContext: ExportContext {
        ExportContext(plan: plan, planPath: label, request: request, catalog: catalog, writtenAt: writtenAt)
    }

    /// Throws the verifier's violations unless the plan is valid: exports and the report refuse
    /// a plan that `check` rejects, so no file ever carries figures that do not add up.
    ///
    /// - Throws: `RioError.data` (exit 65) listing each violation as `check` prints it.
    public func requireValid() throws {
        guard !report.valid else { return }
        let lines = report.violations.map { "  [\($0.rule)] \($0.message)" }
        throw RioError.data(
            (["plan \(plan.name) (\(label)) breaks \(report.violations.count) rule(s), so nothing was written:"] + lines
                + ["Re-plan with `rioplan plan`, or correct the file; `rioplan check \(label)` shows the same list."])
                .joined(separator: "\n"))
    }
}

extension Workspace {
    /// Loads a plan (file or `NAME@N`), its request and catalog, and verifies it.
    ///
    /// - Parameters:
    ///   - request: a request file to use instead of the one the plan names.
    ///   - catalog: a catalog folder to use instead of the one the plan names.
    public func context(_ reference: PlanReference, request: String? = nil, catalog: String? = nil) throws -> PlanContext {
        let ref = try plan(reference)
        let anchor = ref.path ?? (plansFolder as NSString).appendingPathComponent("\(ref.plan.name).plan.json")
        let (rp, cp) = PlanFile.inputs(of: ref.plan, planPath: anchor, request: request, catalog: catalog)
        let cat = try self.catalog(folder: cp)
        let req = try PlanRequestLoader.load(path: rp, catalog: cat)
        let report = Verifier(catalog: cat, request: req).verify(ref.plan)
        return PlanContext(
            plan: ref.plan, label: ref.label, version: ref.version, request: req, catalog: cat, requestPath: rp, catalogPath: cp,
            writtenAt: ref.writtenAt, warnings: Workspace.inputWarnings(ref.plan, req, cat, rp, cp), report: report)
    }

    /// What changed since the plan was made, comparing fingerprints of the bytes just parsed.
    static func inputWarnings(_ plan: Plan, _ req: PlanRequest, _ cat: Catalog, _ rp: String, _ cp: String) -> [String] {
        var warnings: [String] = []
        if let recorded = plan.inputs.catalogSha256, recorded != cat.fingerprint {
            warnings.append(
                "the catalog \(cp) changed since the plan was made; names and labels come from the current catalog, figures are checked against it (re-plan with `rioplan plan` to bring them in line)"
            )
        }
        if let recorded = plan.inputs.requestSha256, recorded != req.fingerprint {
            warnings.append(
                "the request \(rp) changed since the plan was made; sources, trainers and day rates come from the current request (re-plan with `rioplan plan \(rp)`)"
            )
        }
        if req.name != plan.name {
            warnings.append("the request \(rp) is named `\(req.name)` but the plan is `\(plan.name)`; pass the plan's own request with --request")
        }
        return warnings
    }
}
