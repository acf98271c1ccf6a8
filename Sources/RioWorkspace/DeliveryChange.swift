import Foundation
import RioExport
import RioModel
import RioStore

/// What `rioplan record delivery` sets; every field left nil is as planned.
public struct DeliveryChange: Sendable, Hashable {
    public var start: Day?
    public var end: Day?
    /// A venue id of the catalog, or `online`.
    public var venue: String?
    public var language: String?
    public var status: DeliveryStatus
    public var reason: String?
    public var cash: Int?

    public init(
        start: Day? = nil, end: Day? = nil, venue: String? = nil, language: String? = nil, status: DeliveryStatus = .delivered, reason: String? = nil,
        cash: Int? = nil
    ) {
        self.start = start; self.end = end; self.venue = venue; self.language = language; self.status = status; self.reason = reason
        self.cash = cash
    }
}

extension Workspace {
    /// `rioplan record delivery`: records (or replaces) how a session was delivered, defaults as
    /// planned in the latest recorded version holding it.
    ///
    /// - Throws: `RioError.data` for a session in no recorded plan, `.usage` for an unknown
    ///   venue, dates out of order, a cancellation without reason or of a session with
    ///   attendance recorded.
    @discardableResult
    public func recordDelivery(session: String, _ change: DeliveryChange) throws -> DeliveryRecord {
        let db = try database(), catalog = try self.catalog()
        let planned = try SessionDirectory(db).require(session)
        guard let ps = planned.plannedStart, let pe = planned.plannedEnd else {
            throw RioError.data("recorded session `\(session)` has no planned dates; re-plan with `rioplan plan`")
        }
        var venue = planned.venue
        if let v = change.venue {
            if v.lowercased() == "online" {
                venue = nil
            } else if catalog.venue(v) != nil {
                venue = v
            } else {
                let ids = catalog.regions.flatMap { $0.venues.map(\.id) }
                throw RioError.usage(Suggestion.unknown(v, kind: "venue", known: ids) + "; or write --venue online")
            }
        }
        let start = change.start ?? ps, end = change.end ?? (change.start.map { $0.adding(days: pe.number - ps.number) } ?? pe)
        guard start <= end else { throw RioError.usage("--end \(end.iso) is before --start \(start.iso); give the actual dates of the session") }
        if change.status == .cancelled {
            guard let r = change.reason, !r.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw RioError.usage("a cancelled session needs a reason; add --reason \"…\"")
            }
            let n = try db.attendanceCount(session: session)
            if n > 0 {
                throw RioError.usage(
                    "session `\(session)` has \(n) attendance rows recorded, so it cannot be cancelled; correct the session id, or replace its attendance first")
            }
        }
        let record = DeliveryRecord(
            session: session, start: start, end: end, venue: venue, language: change.language ?? planned.language, status: change.status,
            reason: change.reason, cash: change.cash)
        try db.recordDelivery(record, planSessionId: planned.id)
        return record
    }

    /// `rioplan record template`: an empty sign-in sheet (XLSX) for a recorded session, with
    /// its details on top and data-validation lists (the catalog's countries, sex,
    /// organisation types, yes/no, score ranges).
    ///
    /// - Throws: `RioError.data` for a session in no recorded plan.
    public func signInTemplate(session: String) throws -> Data {
        let planned = try SessionDirectory(try database()).require(session)
        let catalog = try self.catalog()
        guard let start = Day(iso: planned.startDay), let end = Day(iso: planned.endDay) else {
            throw RioError.data("session `\(session)` has no readable dates in its recorded plan; re-plan with `rioplan plan`")
        }
        let venue = planned.venue.map { v in catalog.venue(v).map { "\($0.name), \($0.city)" } ?? v }
        return try SignInTemplate(
            session: session, module: catalog.module(planned.module)?.title ?? planned.module,
            region: catalog.region(planned.region)?.name ?? planned.region, start: start, end: end, venue: venue,
            language: planned.language, countries: catalog.countries.map(\.code)
        ).data()
    }
}
