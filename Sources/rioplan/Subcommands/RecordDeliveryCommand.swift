import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension DeliveryStatus: ExpressibleByArgument {}

extension RioPlanCommand.Record {
    /// `rioplan record delivery SESSION`.
    struct Delivery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delivery",
            abstract: "Record how a session was delivered: actual dates, venue, language, status, cash (defaults: as planned).",
            discussion: """
                Example: rioplan record delivery jlg-2027/d-af-01 --start 2027-03-02 --cash 41000
                         rioplan record delivery jlg-2027/d-af-02 --status cancelled --reason "venue closed"
                """)

        @Argument(help: ArgumentHelp("The plan session id.", valueName: "SESSION"))
        var session: String

        @Option(name: .long, help: ArgumentHelp("Actual first day.", valueName: "YYYY-MM-DD"))
        var start: String?

        @Option(name: .long, help: ArgumentHelp("Actual last day (default: as long as planned).", valueName: "YYYY-MM-DD"))
        var end: String?

        @Option(name: .long, help: ArgumentHelp("Actual venue id, or online.", valueName: "V"))
        var venue: String?

        @Option(name: .long, help: ArgumentHelp("Actual language.", valueName: "L"))
        var language: String?

        @Option(name: .long, help: "delivered or cancelled.")
        var status: DeliveryStatus = .delivered

        @Option(name: .long, help: ArgumentHelp("Why it was cancelled.", valueName: "R"))
        var reason: String?

        @Option(name: .long, help: ArgumentHelp("Actual cash spent, in the plan's currency.", valueName: "N"))
        var cash: Int?

        @OptionGroup var common: CommonOptions

        func validate() throws {
            for (name, v) in [("--start", start), ("--end", end)] {
                if let v, Day(iso: v) == nil { throw ValidationError("\(name) \(v) is not a date; write it as YYYY-MM-DD") }
            }
            if let cash, cash < 0 { throw ValidationError("--cash \(cash) is negative; give the cash spent, 0 or more") }
        }

        func run() throws {
            try runReporting {
                let change = DeliveryChange(
                    start: start.flatMap(Day.init(iso:)), end: end.flatMap(Day.init(iso:)), venue: venue, language: language, status: status,
                    reason: reason, cash: cash)
                let d = try common.workspace.recordDelivery(session: session, change)
                print(
                    "recorded \(d.session) as \(d.status.rawValue): \(d.start.iso)..\(d.end.iso), \(d.venue ?? "online"), \(d.language)"
                        + (d.cash.map { ", cash \(Money.text($0))" } ?? "") + (d.reason.map { " (\($0))" } ?? ""))
            }
        }
    }

    /// `rioplan record template SESSION --out F.xlsx`.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Write an empty sign-in sheet (XLSX) for a session, with the expected headers and the session's details.")

        @Argument(help: ArgumentHelp("The plan session id.", valueName: "SESSION"))
        var session: String

        @Option(name: .long, help: ArgumentHelp("The workbook to write.", valueName: "F.xlsx"))
        var out: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting {
                let data = try common.workspace.signInTemplate(session: session)
                try AtomicFile.write(data, to: out)
                Console.error("wrote \(out)")
            }
        }
    }
}
