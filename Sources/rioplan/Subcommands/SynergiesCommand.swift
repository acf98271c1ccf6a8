import ArgumentParser

extension RioPlanCommand {
    struct Synergies: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "synergies", abstract: "Joint modules and single-convention modules that could merge.")
    }
}
