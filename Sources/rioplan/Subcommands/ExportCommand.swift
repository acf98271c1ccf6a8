import ArgumentParser

extension RioPlanCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export calendars and co-financing sheets.")
    }
}
