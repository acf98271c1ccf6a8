import ArgumentParser
import Foundation
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan needs CYCLE --out FILE.yaml`: the demand list the regional offices sent.
    struct NeedsCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "needs",
            abstract: "Write the needs the regional offices sent for a cycle, as a request's `demand` list.",
            discussion: """
                A cycle is a plan request under Plans/ (Plans/CYCLE.yaml); the offices send their needs on \
                the platform (`rioplan serve`). With --out, the needs are written as a demand list that the \
                request names (`demand: FILE.yaml`); without it, they are listed with who sent them and when.

                Examples:
                  rioplan needs jlg-2027 --out Plans/needs-2027.yaml
                  rioplan needs jlg-2027 --format csv > needs.csv
                """)

        @Argument(help: ArgumentHelp("The cycle: the name of a plan request under Plans/.", valueName: "CYCLE"))
        var cycle: String

        @Option(name: .long, help: ArgumentHelp("The YAML file to write.", valueName: "FILE.yaml"))
        var out: String?

        @Option(name: .long, help: "Without --out: list as table, csv (RFC 4180) or json.")
        var format: OutputFormat?

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if out != nil && format != nil { throw ValidationError("give either --out FILE.yaml (write the demand list) or --format (list the needs), not both") }
        }

        func run() throws {
            try runReporting {
                let ws = common.workspace
                if let out {
                    let list = try ws.exportNeeds(cycle: cycle, to: out)
                    print(list.summary(wrote: out, request: ws.cycleRequest(cycle)))
                    return
                }
                let submissions = try ws.needs(cycle: cycle, visibleTo: Principal(name: "command line", role: .coordinator))
                switch format ?? .table {
                case .table: print(TextTable.render(NeedSubmission.tableHeader, NeedSubmission.table(submissions)), terminator: "")
                case .csv: print(TextTable.csv(NeedSubmission.tableHeader, NeedSubmission.table(submissions)), terminator: "")
                case .json: print(try NeedSubmission.json(submissions), terminator: "")
                }
            }
        }
    }
}
