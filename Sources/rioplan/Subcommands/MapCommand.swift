import ArgumentParser

extension RioPlanCommand {
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "map", abstract: "The theme x convention cross-map.")
    }
}
