import ArgumentParser
import Foundation
import RioModel
import RioPlanner

extension RioPlanCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Re-verify every rule and figure of a plan file.",
            discussion: """
                Recomputes dates, staffing, venues, travel, prerequisites, pins, every cost, every funding
                line and the score from the catalog and the request, independently of the planner. Prints the
                verified score, or lists each violation and exits 1.

                Example:
                  rioplan check Plans/jlg-2027.plan.json
                """)

        @Argument(help: ArgumentHelp("The plan file.", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("The request (default: the one the plan names).", valueName: "REQUEST.yaml"))
        var request: String?

        @Option(name: .long, help: ArgumentHelp("The catalog folder (default: the one the plan names).", valueName: "DIR"))
        var catalog: String?

        @Option(name: .long, help: "Output format: text or json.")
        var format: CheckFormat = .text

        enum CheckFormat: String, ExpressibleByArgument { case text, json }

        func run() throws {
            try runReporting {
                let loaded = try LoadedPlan.load(planPath: plan, request: request, catalog: catalog)
                let report = Verifier(catalog: loaded.catalog, request: loaded.request).verify(loaded.plan)
                if format == .json {
                    let e = JSONEncoder()
                    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    var out = String(decoding: try e.encode(report), as: UTF8.self)
                    out = out.replacingOccurrences(of: "{\n", with: "{\n  \"valid\" : \(report.valid),\n", options: [], range: out.range(of: "{\n"))
                    print(out)
                } else if report.valid {
                    print(
                        "Plan \(loaded.plan.name) is valid: value \(report.value), cash \(Money.text(report.cash)) \(loaded.plan.currency), in-kind \(Money.text(report.inKind)), \(report.scheduled) of \(report.demands) demands scheduled."
                    )
                } else {
                    print("Plan \(loaded.plan.name) breaks \(report.violations.count) rule(s):")
                    for v in report.violations { print("  [\(v.rule)] \(v.message)") }
                    print("Recomputed: value \(report.value), cash \(Money.text(report.cash)). Re-plan with `rioplan plan` or correct the file.")
                }
                if !report.valid { throw ExitCode(ExitStatus.no.rawValue) }
            }
        }
    }
}

/// A plan with the request and catalog it names (or overrides), warning when inputs changed.
struct LoadedPlan {
    var plan: Plan
    var request: PlanRequest
    var catalog: RioModel.Catalog
    var requestPath: String
    var catalogPath: String

    static func load(planPath: String, request: String?, catalog: String?) throws -> LoadedPlan {
        let plan = try PlanFile.read(planPath)
        let (rp, cp) = PlanFile.inputs(of: plan, planPath: planPath, request: request, catalog: catalog)
        let cat = try CatalogLoader.load(folder: cp)
        let req = try PlanRequestLoader.load(path: rp, catalog: cat)
        if let h = plan.inputs.catalogSha256, let now = try? CatalogLoader.fingerprint(of: cp), h != now {
            Console.error("warning: the catalog \(cp) changed since this plan was made; figures are checked against the catalog as it is now")
        }
        if let h = plan.inputs.requestSha256, let now = try? PlanRequestLoader.fingerprint(of: req), h != now {
            Console.error("warning: the request \(rp) changed since this plan was made; re-plan with `rioplan plan \(rp)`")
        }
        return LoadedPlan(plan: plan, request: req, catalog: cat, requestPath: rp, catalogPath: cp)
    }
}
