import ArgumentParser

extension RioPlanCommand {
    struct CatalogGroup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "catalog", abstract: "Check and compile the catalog.")
    }
}
