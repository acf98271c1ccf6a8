import Foundation
import RioExport
import RioModel
import RioStore

/// A rendered calendar and what to tell the person who asked for it.
public struct CalendarExport: Sendable {
    /// The `.ics` bytes.
    public var data: Data
    /// Events written for sessions of this plan, and cancelled events for dropped sessions.
    public var events: Int
    public var cancelled: Int
    /// The filter in words, empty without filter.
    public var filterLabel: String
    /// Where the plan sits in its recorded history ("as jlg-2027@2 of 3 recorded versions").
    public var historyNote: String?
    /// Filter values no session of the plan has (a typo, most likely).
    public var warnings: [String]
}

/// How a calendar export follows the plan's history.
public enum CalendarHistoryMode: Sendable {
    /// SEQUENCE and CANCELLED over the recorded versions of the plan's name.
    case recorded
    /// The plan alone: every SEQUENCE 0, no cancelled events.
    case ignored
}

extension Workspace {
    /// The calendar history of `plan` from the recorded versions of its name.
    ///
    /// The plan is matched to the newest recorded version equal to it; later versions are
    /// ignored. A plan that matches none is taken as newer than every recorded one. Without a
    /// database, or any recorded version, the history is empty.
    ///
    /// - Throws: `RioError.data` when the database or one of the versions cannot be read: a
    ///   version left out would shift every SEQUENCE number, so it is never skipped silently.
    public func calendarHistory(of plan: Plan) throws -> (history: ICalendar.History, note: String?) {
        guard let db = try existingDatabase() else { return (ICalendar.History(), nil) }
        let runs = try db.planRuns(name: plan.name)
        guard !runs.isEmpty else { return (ICalendar.History(), nil) }
        var recorded: [(version: Int, plan: Plan)] = []
        for run in runs {
            do {
                recorded.append((run.version, try run.decodedPlan()))
            } catch let e as RioError {
                throw RioError.data("\(e.description); or export without the history with --no-history")
            }
        }
        if let k = recorded.lastIndex(where: { $0.plan == plan }) {
            let history = ICalendar.History(versions: recorded[...k].map(\.plan))
            return (history, "as \(plan.name)@\(recorded[k].version) of \(recorded.count) recorded versions")
        }
        let history = ICalendar.History(versions: recorded.map(\.plan) + [plan])
        return (history, "as newer than the \(recorded.count) recorded versions of \(plan.name)")
    }

    /// `rioplan export ics`: the calendar of a verified plan.
    ///
    /// - Parameter stamp: `DTSTAMP` of every event (default: when the plan was written).
    /// - Throws: the verifier's violations (exit 65) for a plan `check` rejects.
    public func calendar(_ context: PlanContext, filter: CalendarFilter, stamp: Date? = nil, history mode: CalendarHistoryMode) throws
        -> CalendarExport
    {
        try context.requireValid()
        let export = context.exportContext
        let (past, note) = mode == .recorded ? try calendarHistory(of: context.plan) : (ICalendar.History(), nil)
        let calendar = ICalendar(
            context: export, filter: filter, stamp: stamp ?? context.writtenAt ?? Date(timeIntervalSince1970: 0), history: past)
        return CalendarExport(
            data: calendar.render(), events: calendar.sessions.count, cancelled: past.cancelled.filter(filter.matches).count,
            filterLabel: filter.isEmpty ? "" : filter.label, historyNote: note, warnings: filter.unknownValues(in: export))
    }

    /// `rioplan export cofinancing`: the workbook (XLSX) or its Sessions sheet (CSV) of a
    /// verified plan.
    ///
    /// - Throws: the verifier's violations (exit 65) for a plan `check` rejects.
    ///
    /// - Parameter asks: lines of the workbook's Asks sheet (what more money would buy, each
    ///   re-planned with `search`); 0 leaves the sheet out. The CSV holds the Sessions sheet only.
    public func cofinancing(_ context: PlanContext, csv: Bool, asks lines: Int = 0, search: SearchSettings = SearchSettings()) throws -> (
        data: Data, sheet: CofinancingSheet
    ) {
        try context.requireValid()
        let table = csv || lines == 0 ? nil : try asks(context, lines: lines, search: search).table
        let sheet = CofinancingSheet(context: context.exportContext, asks: table)
        return (csv ? sheet.csvData() : try sheet.xlsxData(), sheet)
    }

    /// `rioplan report`: the one-page HTML report of a verified plan.
    ///
    /// - Throws: the verifier's violations (exit 65) for a plan `check` rejects.
    ///
    /// With delivery records for the plan in the workspace database, the report gains its
    /// monitoring section (planned against delivered, women's share, outcomes).
    public func report(_ context: PlanContext) throws -> Data {
        try context.requireValid()
        let monitoring = try existingDatabase() == nil ? nil : monitoringSummary(plan: context.plan.name, catalog: context.catalog)
        return HTMLReport(context: context.exportContext, monitoring: monitoring).render()
    }
}
