import ArgumentParser
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan history NAME`: the recorded versions of a plan.
    struct HistoryCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List the recorded versions of a plan: when, value, cash, sessions, input fingerprints.",
            discussion: """
                Every `rioplan plan` run (unless --no-history) is recorded in the workspace database as \
                the next version of the plan's name. Name a version as NAME@N (or NAME@latest) in \
                `rioplan diff`, `rioplan plan --baseline` or `rioplan whatif --against`. \
                Request and catalog fingerprints are the first 12 hex digits of their SHA-256.

                Examples:
                  rioplan history jlg-2027
                  rioplan diff jlg-2027@1 jlg-2027@2
                """)

        @Argument(help: ArgumentHelp("The plan's name (the request's `name`).", valueName: "NAME"))
        var name: String

        @Option(name: .long, help: "table or json.")
        var format: HistoryFormat = .table

        @OptionGroup var common: CommonOptions

        enum HistoryFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

        /// One version as `--format json` prints it (the plan itself left out).
        struct Entry: Encodable {
            var name: String
            var version: Int
            var createdAt: String
            var value: Int
            var cash: Int
            var scheduled: Int
            var demands: Int
            var requestSha256: String
            var catalogSha256: String

            init(_ r: PlanRun) {
                name = r.name; version = r.version; createdAt = r.createdAt; value = r.value; cash = r.cash
                scheduled = r.scheduled; demands = r.demands; requestSha256 = r.requestSha256; catalogSha256 = r.catalogSha256
            }
        }

        func run() throws {
            try runReporting {
                let workspace = common.workspace
                let runs = try workspace.history(name: name)
                switch format {
                case .json:
                    print(try TextTable.json(runs.map(Entry.init)), terminator: "")
                case .table:
                    guard !runs.isEmpty else {
                        print("No recorded versions of \(name) in \(workspace.databasePath); `rioplan plan` records one per run.")
                        return
                    }
                    let rows = runs.map { r in
                        [
                            "\(r.name)@\(r.version)", r.createdAt, "\(r.value)", Money.text(r.cash), "\(r.scheduled)/\(r.demands)",
                            String(r.requestSha256.prefix(12)), String(r.catalogSha256.prefix(12)),
                        ]
                    }
                    print(
                        TextTable.render(["Version", "Recorded (UTC)", "Value", "Cash", "Scheduled", "Request", "Catalog"], rows),
                        terminator: "")
                }
            }
        }
    }
}
