import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan record`: delivery records (monitoring.md).
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record what was delivered: sessions' delivery, sign-in sheets, follow-ups, outcomes.",
            discussion: """
                Records are kept in the workspace database next to the recorded plans; a session must \
                be in a recorded plan (`rioplan history NAME`). Every row is checked first: any problem \
                is listed as file:row:column and nothing is recorded (exit 65). Importing the same \
                sheet twice records nothing new. No participant name is ever printed or exported.
                """,
            subcommands: [Attendance.self, FollowUp.self, Outcomes.self, Delivery.self, Template.self])
    }
}

extension RioPlanCommand.Record {
    /// `rioplan record attendance SESSION FILE [SESSION FILE]...`.
    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attendance",
            abstract: "Record a session's sign-in sheet (CSV or XLSX).",
            discussion: """
                Columns (row 1, any order, case-insensitive): Participant (or Name), Country (ISO3, \
                Country code), Sex (Gender), Organisation (Organization, Org type), Completed, and \
                optionally Focal point, Pre-test, Post-test, Reaction. Several SESSION FILE pairs (or a \
                --list file of `SESSION FILE` lines) are recorded in one transaction.

                Examples:
                  rioplan record attendance jlg-2027/d-af-01 signin-d-af-01.csv
                  rioplan record attendance jlg-2027/d-af-01 signin.xlsx --sheet Day1 --replace --pseudonymise
                """)

        @Argument(help: ArgumentHelp("A session id and its sheet; repeat the pair for more sessions.", valueName: "SESSION FILE"))
        var pairs: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp("A file of `SESSION FILE` lines, one sheet per line (paths relative to it), recorded with the others.", valueName: "LIST"))
        var list: String?

        @Option(name: .long, help: ArgumentHelp("The workbook sheet to read (default: the first).", valueName: "NAME"))
        var sheet: String?

        @Flag(name: .long, help: "Replace the session's recorded attendance instead of adding to it.")
        var replace = false

        @Flag(name: .long, help: "Store a keyed hash of each participant instead of the name.")
        var pseudonymise = false

        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard pairs.count % 2 == 0, !pairs.isEmpty || list != nil else {
                throw ValidationError("give a SESSION and a FILE (or several SESSION FILE pairs, or --list LIST)")
            }
        }

        func run() throws {
            try runReporting {
                var sheets = stride(from: 0, to: pairs.count, by: 2).map { SignInSheet(session: pairs[$0], file: pairs[$0 + 1]) }
                if let list { sheets += try SignInSheet.list(list) }
                let result = try common.workspace.recordAttendance(sheets, sheet: sheet, replace: replace, pseudonymise: pseudonymise)
                print(result.line)
            }
        }
    }

    /// `rioplan record followup FILE`.
    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followup",
            abstract: "Record follow-up survey answers: Session, Participant, Applied (yes/no), Date, Note.")

        @Argument(help: ArgumentHelp("The survey sheet (CSV or XLSX).", valueName: "FILE"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("The workbook sheet to read (default: the first).", valueName: "NAME"))
        var sheet: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting { print(try common.workspace.recordFollowUps(file: file, sheet: sheet).line) }
        }
    }

    /// `rioplan record outcomes FILE`.
    struct Outcomes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outcomes",
            abstract: "Record outcomes (YAML with `outcomes:`, or a CSV/XLSX sheet): country, sessions, kind, description, date, evidence.")

        @Argument(help: ArgumentHelp("The outcomes file.", valueName: "FILE"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("The workbook sheet to read (default: the first).", valueName: "NAME"))
        var sheet: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            try runReporting { print(try common.workspace.recordOutcomes(file: file, sheet: sheet).line) }
        }
    }
}
