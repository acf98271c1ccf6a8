import ArgumentParser

extension RioPlanCommand {
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "gaps", abstract: "Mandates no module serves; themes without a joint module.")
    }
}
