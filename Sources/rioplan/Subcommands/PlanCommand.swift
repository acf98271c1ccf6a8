import ArgumentParser

extension RioPlanCommand {
    struct PlanCmd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "plan", abstract: "Build a joint training plan from a plan request.")
    }
}
