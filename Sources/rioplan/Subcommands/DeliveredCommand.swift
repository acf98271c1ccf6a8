import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan delivered --out FILE.yaml`.
    struct DeliveredCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delivered",
            abstract: "Write the modules delivered per region, as a request's `delivered` list.",
            discussion: """
                A later request names the file (`delivered: FILE.yaml`), so prerequisites met in an \
                earlier cycle need no hand-written list.

                Example: rioplan delivered --plan jlg-2027 --out Plans/delivered-2027.yaml
                """)

        @Option(name: .long, help: ArgumentHelp("A recorded plan's name (repeatable).", valueName: "NAME"))
        var plan: [String] = []

        @Option(name: .long, help: ArgumentHelp("The YAML file to write.", valueName: "FILE.yaml"))
        var out: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let list = try common.workspace.delivered(plans: plan)
                try AtomicFile.write(Data(list.yaml().utf8), to: out)
                Console.error(
                    "wrote \(out): \(list.entries.count) delivered module-region pair\(list.entries.count == 1 ? "" : "s") from \(list.plans.joined(separator: ", "))")
            }
        }
    }
}
