import ArgumentParser

extension RioPlanCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search over mandates and modules.")
    }
}
