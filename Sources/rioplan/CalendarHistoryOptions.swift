import ArgumentParser
import Foundation
import RioExport
import RioModel
import RioStore

/// `--db` and `--no-history` for `rioplan export ics`: where the plan's earlier versions are.
struct CalendarHistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The workspace SQLite database holding the plan's history (default: $RIOPLAN_DB, else .rioplan/rioplan.sqlite).", valueName: "FILE"))
    var db: String?

    @Flag(name: .long, help: "Ignore the plan's history: every event gets SEQUENCE 0 and no cancelled events are written.")
    var noHistory = false

    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["RIOPLAN_DB"], !env.isEmpty { return env }
        return ".rioplan/rioplan.sqlite"
    }

    /// The calendar history of `plan` from the recorded versions of its name.
    ///
    /// The exported plan is matched to the newest recorded version equal to it (same plan file
    /// content); versions after it are ignored. A plan that matches no recorded version is taken
    /// as the newest, after all recorded ones. Without a database, or any recorded version, the
    /// history is empty. A database that cannot be read gives a warning, not a failure.
    func history(of plan: Plan) -> (history: ICalendar.History, note: String?) {
        guard !noHistory, FileManager.default.fileExists(atPath: databasePath) else { return (ICalendar.History(), nil) }
        let runs: [PlanRun]
        do {
            runs = try AppDatabase(path: databasePath).planRuns(name: plan.name)
        } catch let e as RioError {
            Console.error("warning: plan history not used: \(e.description)")
            return (ICalendar.History(), nil)
        } catch {
            return (ICalendar.History(), nil)
        }
        guard !runs.isEmpty else { return (ICalendar.History(), nil) }
        let decoder = JSONDecoder()
        let recorded: [(version: Int, plan: Plan)] = runs.compactMap { r in
            (try? decoder.decode(Plan.self, from: Data(r.planJSON.utf8))).map { (r.version, $0) }
        }
        if let k = recorded.lastIndex(where: { $0.plan == plan }) {
            let history = ICalendar.History(versions: recorded[...k].map(\.plan))
            return (history, "as \(plan.name)@\(recorded[k].version) of \(recorded.count) recorded versions")
        }
        let history = ICalendar.History(versions: recorded.map(\.plan) + [plan])
        return (history, "as newer than the \(recorded.count) recorded versions of \(plan.name)")
    }
}
