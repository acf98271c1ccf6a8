import ArgumentParser
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan diff OLD NEW`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two plans: sessions added, cancelled, moved, re-staffed; money per source.",
            discussion: """
                OLD and NEW are plan files or recorded versions (NAME@N, NAME@latest; see \
                `rioplan history NAME`). Sessions are matched by demand. A session is moved when its \
                start, end or venue changed, re-staffed when its trainers or language changed (both \
                when both did), unchanged otherwise. Money is the cash each funding source gives in \
                each plan. Exits 0 whether or not the plans differ.

                Examples:
                  rioplan diff Plans/jlg-2027.plan.json cut.plan.json
                  rioplan diff jlg-2027@1 jlg-2027@2 --format json
                """)

        @Argument(help: ArgumentHelp("The earlier plan: a file or NAME@N.", valueName: "OLD"))
        var old: String

        @Argument(help: ArgumentHelp("The later plan: a file or NAME@N.", valueName: "NEW"))
        var new: String

        @Option(name: .long, help: "text or json.")
        var format: DiffFormat = .text

        @OptionGroup var common: CommonOptions

        enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        func run() throws {
            try runReporting {
                let (diff, warning) = try common.workspace.diff(PlanReference(old), PlanReference(new))
                if let warning { Console.error("warning: " + warning) }
                print(format == .json ? try diff.json() : diff.text, terminator: "")
            }
        }
    }
}
