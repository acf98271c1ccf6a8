import ArgumentParser
import Foundation
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan access add|list|revoke`: who may use the platform.
    struct AccessGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "access",
            abstract: "Manage who may use the platform (`rioplan serve`): add, list, revoke.",
            discussion: """
                Each person gets two secrets, printed once by `rioplan access add`: a sign-in token (for \
                the web pages, and `Authorization: Bearer` for scripts) and a feed path that opens \
                calendar feeds and nothing else. The workspace database keeps only keyed hashes of \
                them. Roles: coordinator (publishes, manages access, all regions), finance \
                (workbooks), region:ID (a region's office: its own region's needs and records), viewer.
                """,
            subcommands: [Add.self, List.self, Revoke.self])
    }
}

extension RioPlanCommand.AccessGroup {
    /// `rioplan access add NAME --role ROLE`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Give a person access; prints their sign-in token and feed path once.",
            discussion: """
                Examples:
                  rioplan access add "Africa office" --role region:africa
                  rioplan access add Finance --role finance
                """)

        @Argument(help: ArgumentHelp("The person's (or office's) name, unique among those with access.", valueName: "NAME"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("coordinator, finance, region:ID (a catalog region) or viewer.", valueName: "ROLE"))
        var role: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let workspace = common.workspace
                let issued = try workspace.addAccess(name: name, role: try workspace.accessRole(role))
                print(Add.text(issued), terminator: "")
            }
        }

        /// What `access add` prints: the only time the secrets are ever shown.
        static func text(_ issued: IssuedAccess) -> String {
            """
            Gave \(issued.name) access as \(issued.role).
            Sign-in token: \(issued.signInToken)
            Feed path:     \(issued.feedPath)
            A plan's calendar is https://SERVER\(issued.feedPath)PLAN.ics (webcal:// for Outlook and Apple Calendar).
            These two secrets are shown only this once: RioPlan keeps only keyed hashes of them. Hand them to \(issued.name) privately; if one is lost or leaks, run `\(issued.revokeCommand)` and add again.

            """
        }
    }

    /// `rioplan access list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List who has (or had) access: name, role, created, status, last seen.")

        @Option(name: .long, help: "table, csv or json.")
        var format: OutputFormat = .table

        @OptionGroup var common: CommonOptions

        /// One entry as `--format json` prints it.
        struct Entry: Encodable {
            var name: String
            var role: String
            var createdAt: String
            var status: String
            var revokedAt: String?
            var lastSeenAt: String?
        }

        func run() throws {
            try runReporting {
                let entries = try common.workspace.accessEntries().map(List.entry)
                switch format {
                case .json: print(try TextTable.json(entries), terminator: "")
                case .csv: print(TextTable.csv(List.header, entries.map(List.row)), terminator: "")
                case .table:
                    guard !entries.isEmpty else {
                        print("No one has access yet; `rioplan access add NAME --role ROLE` gives access.")
                        return
                    }
                    print(TextTable.render(List.header, entries.map { List.row($0).map { $0.isEmpty ? "never" : $0 } }), terminator: "")
                }
            }
        }

        static let header = ["Name", "Role", "Created (UTC)", "Status", "Last seen (UTC)"]

        static func entry(_ e: AccessEntry) -> Entry {
            let iso = ISO8601DateFormatter()
            return Entry(
                name: e.name, role: e.role.description, createdAt: iso.string(from: e.createdAt), status: e.isLive ? "active" : "revoked",
                revokedAt: e.revokedAt.map(iso.string), lastSeenAt: e.lastSeenAt.map(iso.string))
        }

        static func row(_ e: Entry) -> [String] {
            [e.name, e.role, e.createdAt, e.revokedAt.map { "revoked \($0)" } ?? e.status, e.lastSeenAt ?? ""]
        }
    }

    /// `rioplan access revoke NAME`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "End a person's access: both tokens and every open session stop working at once.")

        @Argument(help: ArgumentHelp("The name given to `rioplan access add`.", valueName: "NAME"))
        var name: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let entry = try common.workspace.revokeAccess(name: name)
                print("Revoked \(entry.name) (\(entry.role)): the sign-in token, the feed path and every open session stop working now.")
            }
        }
    }
}
