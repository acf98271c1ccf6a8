import ArgumentParser
import Foundation
import RioExport
import RioModel
import RioWorkspace

/// Where an export finds the plan's request and catalog when not from the plan's own `inputs`.
struct PlanInputOverrides: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan request to use instead of the one the plan names.", valueName: "FILE"))
    var request: String?

    @Option(name: .long, help: ArgumentHelp("The catalog folder to use instead of the one the plan names.", valueName: "DIR"))
    var catalog: String?

    /// Loads and verifies the plan (a file or NAME@N) with its inputs, printing any warnings
    /// (inputs changed since planning) on stderr.
    func context(_ plan: String, in workspace: Workspace) throws -> PlanContext {
        let context = try workspace.context(PlanReference(plan), request: request, catalog: catalog)
        Console.warn(context.warnings)
        return context
    }
}

/// `--db` and `--no-history` for `rioplan export ics`: where the plan's earlier versions are.
struct CalendarHistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The workspace SQLite database holding the plan's history (default: $RIOPLAN_DB, else .rioplan/rioplan.sqlite).", valueName: "FILE"))
    var db: String?

    @Flag(name: .long, help: "Ignore the plan's history: every event gets SEQUENCE 0 and no cancelled events are written.")
    var noHistory = false
}

extension RioPlanCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export calendars and co-financing sheets.",
            discussion: """
                The plan file names its request and catalog (paths relative to the plan); pass \
                --request or --catalog to use others. Outputs are written to a temporary file and \
                renamed into place, so a failed export never damages an earlier file.
                """,
            subcommands: [Ics.self, CofinancingCmd.self])
    }
}

extension RioPlanCommand.Export {
    /// `rioplan export ics`: an iCalendar feed of the plan's sessions.
    struct Ics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Write the plan's sessions as an iCalendar (.ics) file for Outlook, Google, Apple or Thunderbird calendars.",
            discussion: """
                One all-day event per session, with a stable UID (<session id>@rioplan) so that a \
                subscribed calendar updates instead of duplicating. Filters narrow the calendar: \
                several values of one option are alternatives, different options must all hold. \
                DTSTAMP is the plan file's modification time (when the plan was written), so \
                exporting the same plan twice gives the same bytes; --dtstamp sets it explicitly.

                Calendars follow the plan's history in the workspace database (--db): the plan file \
                is matched to the newest recorded version of its name with the same content (or, if \
                none, taken as newer than every recorded version). An event's SEQUENCE counts the \
                times its session's dates, venue, trainers or language changed, or it was dropped or \
                restored, over the versions up to this one (0 for a session never changed). Sessions \
                of earlier versions that this plan dropped are written with STATUS:CANCELLED, so \
                subscribed calendars remove them. --no-history writes the plan alone.

                Example: rioplan export ics Plans/jlg-2027.plan.json --region africa --out africa.ics
                """)

        @Argument(help: ArgumentHelp("The plan file written by `rioplan plan`.", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("Only sessions in this region (repeatable).", valueName: "R"))
        var region: [String] = []

        @Option(name: .long, help: ArgumentHelp("Only sessions this trainer gives (repeatable).", valueName: "T"))
        var trainer: [String] = []

        @Option(name: .long, help: ArgumentHelp("Only sessions serving this convention (repeatable).", valueName: "C"))
        var convention: [String] = []

        @Option(name: .long, help: ArgumentHelp("The calendar file to write.", valueName: "F.ics"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("DTSTAMP of every event, e.g. 2027-01-04T09:00:00Z (default: the plan file's modification time).", valueName: "UTC"))
        var dtstamp: String?

        @OptionGroup var inputs: PlanInputOverrides

        @OptionGroup var history: CalendarHistoryOptions

        func validate() throws {
            if let dtstamp, ICalendar.parseStamp(dtstamp) == nil {
                throw ValidationError("--dtstamp \(dtstamp) is not a UTC time; write it as 2027-01-04T09:00:00Z, 20270104T090000Z or 2027-01-04")
            }
        }

        func run() throws {
            try runReporting {
                let workspace = Workspace(databasePath: history.db)
                let context = try inputs.context(plan, in: workspace)
                let filter = CalendarFilter(regions: region, trainers: trainer, conventions: convention)
                let calendar = try workspace.calendar(
                    context, filter: filter, stamp: dtstamp.flatMap(ICalendar.parseStamp), history: history.noHistory ? .ignored : .recorded)
                Console.warn(calendar.warnings)
                try AtomicFile.write(calendar.data, to: out)
                let n = calendar.events
                Console.error(
                    "wrote \(out): \(n) event\(n == 1 ? "" : "s")" + (calendar.filterLabel.isEmpty ? "" : " (\(calendar.filterLabel))")
                        + (calendar.cancelled > 0 ? ", \(calendar.cancelled) cancelled" : "") + (calendar.historyNote.map { "; history \($0)" } ?? ""))
            }
        }
    }

    /// `rioplan export cofinancing`: the co-financing workbook (XLSX) or its Sessions sheet (CSV).
    struct CofinancingCmd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cofinancing",
            abstract: "Write the co-financing sheet: an .xlsx workbook (Sessions, Sources, Conventions, In-kind) or a .csv of the Sessions sheet.",
            discussion: """
                The format follows the --out extension: .xlsx or .csv. Money cells are numbers in \
                the plan's currency; totals are SUM formulas with their values cached. With --asks N \
                the workbook ends with an Asks sheet for resource mobilisation: what more money \
                would buy, as `rioplan asks` lists it (re-planned with 20,000 steps, seed 1).

                Example: rioplan export cofinancing Plans/jlg-2027.plan.json --out cofinancing.xlsx --asks 5
                """)

        @Argument(help: ArgumentHelp("The plan file written by `rioplan plan`.", valueName: "PLAN.json"))
        var plan: String

        @Option(name: .long, help: ArgumentHelp("The sheet to write: F.xlsx or F.csv.", valueName: "F.xlsx|F.csv"))
        var out: String

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Add an Asks sheet of N lines: what more money would buy, each re-planned as `rioplan asks` does (takes one re-plan per line and per source).",
                valueName: "N"))
        var asks: Int = 0

        @OptionGroup var inputs: PlanInputOverrides

        func validate() throws {
            let ext = (out as NSString).pathExtension.lowercased()
            guard ext == "xlsx" || ext == "csv" else {
                throw ValidationError("--out \(out) must end in .xlsx (workbook) or .csv (Sessions sheet only)")
            }
            guard asks >= 0 else { throw ValidationError("--asks must be 0 or more") }
        }

        func run() throws {
            try runReporting {
                let workspace = Workspace()
                let context = try inputs.context(plan, in: workspace)
                let (data, sheet) = try workspace.cofinancing(
                    context, csv: (out as NSString).pathExtension.lowercased() == "csv", asks: asks, search: SearchSettings(iterations: 20000, seed: 1))
                try AtomicFile.write(data, to: out)
                Console.error("wrote \(out): \(context.plan.sessions.count) sessions, \(sheet.figures.sources.count) funding sources")
            }
        }
    }
}
