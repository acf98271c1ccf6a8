import ArgumentParser

extension RioPlanCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Why demands are unscheduled, and what would let them in.")
    }
}
