import ArgumentParser

extension RioPlanCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Re-verify every rule and figure of a plan file.")
    }
}
