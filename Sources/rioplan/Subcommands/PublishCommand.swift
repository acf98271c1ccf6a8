import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan publish NAME[@N]`: make a recorded plan version visible on the platform.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Make a recorded plan version visible on the platform (`rioplan serve`).",
            discussion: """
                Plans are drafts until published: the platform shows the latest published version of \
                each plan, and its calendar feeds move, add and cancel events over the published \
                versions only. NAME publishes the latest recorded version (`rioplan history NAME` \
                lists them). A plan that `rioplan check` rejects is refused (exit 65). Publishing a \
                version again changes nothing; an older version than the published one is refused, \
                since subscribed calendars cannot go back. Safe to run while `rioplan serve` runs.

                Examples:
                  rioplan publish jlg-2027
                  rioplan publish jlg-2027@3
                """)

        @Argument(help: ArgumentHelp("The recorded plan: NAME (the latest version) or NAME@N.", valueName: "NAME[@N]"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("Who publishes, as the platform shows it (default: $USER).", valueName: "NAME"))
        var by: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let user = by ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "command line"
                let outcome = try common.workspace.publishPlan(plan, by: user)
                Console.warn(outcome.warnings)
                print(Publish.line(outcome))
            }
        }

        /// What `publish` prints.
        static func line(_ o: PublicationOutcome) -> String {
            let p = o.publication
            if o.alreadyPublished {
                let at = ISO8601DateFormatter().string(from: p.publishedAt)
                return "\(p.label) was published already (\(at) by \(p.publishedBy)); nothing changed."
            }
            let sessions = o.sessions == 1 ? "1 session" : "\(o.sessions) sessions"
            return "Published \(p.label) (\(sessions)); offices' calendars update at their next refresh."
        }
    }
}
