import ArgumentParser

extension RioPlanCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "Write a one-page visual HTML report of a plan.")
    }
}
