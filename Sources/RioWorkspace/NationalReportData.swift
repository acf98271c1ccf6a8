import Foundation
import RioExport
import RioModel
import RioStore

extension Workspace {
    /// The report's monitoring section for the latest recorded version of `plan`: each planned
    /// session with what became of it, sessions per region, outcomes per convention.
    ///
    /// - Throws: `RioError.unreadable` without a workspace database, `.usage` for a plan never recorded.
    public func monitoringSummary(plan: String) throws -> MonitoringSummary {
        try monitoringSummary(plan: plan, catalog: try self.catalog())
    }

    /// The monitoring summary of `plan`, named with `catalog`'s regions and modules.
    func monitoringSummary(plan: String, catalog: Catalog) throws -> MonitoringSummary {
        let db = try requireDatabase("no workspace database yet; `rioplan plan` records plans and `rioplan record` their delivery")
        let snapshot = try RecordSnapshot(db: db, plans: [plan])
        var sessions: [MonitoringSummary.SessionLine] = []
        var regions: [String: MonitoringSummary.RegionLine] = [:]
        for l in snapshot.lines {
            let s = l.stored
            let start = s.plannedStart ?? Day(number: 0), end = s.plannedEnd ?? start
            sessions.append(
                MonitoringSummary.SessionLine(
                    session: s.session, region: s.region, module: s.module, conventions: s.conventionIDs, plannedStart: start, plannedEnd: end,
                    status: l.delivery?.status ?? l.status, actualStart: l.delivery?.start, actualEnd: l.delivery?.end, participants: l.participants,
                    women: l.tallies.reduce(0) { $0 + $1.women }, disclosed: l.tallies.reduce(0) { $0 + $1.disclosed }))
            var r = regions[s.region] ?? MonitoringSummary.RegionLine(region: s.region, planned: 0, delivered: 0, cancelled: 0)
            r.planned += 1
            if l.status == .delivered { r.delivered += 1 }
            if l.status == .cancelled { r.cancelled += 1 }
            regions[s.region] = r
        }
        let regionOrder = catalog.regions.map(\.id) + regions.keys.filter { id in !catalog.regions.contains { $0.id == id } }.sorted()
        let conventionsOf = Dictionary(snapshot.lines.map { ($0.stored.session, $0.stored.conventionIDs) }, uniquingKeysWith: { a, _ in a })
        let outcomes = catalog.conventions.map { c -> MonitoringSummary.ConventionOutcomes in
            var counts = Indicators.OutcomeCounts()
            for o in snapshot.outcomes where o.sessions.contains(where: { conventionsOf[$0]?.contains(c.id) == true }) { counts.add(o.record.kind) }
            return MonitoringSummary.ConventionOutcomes(convention: c.id, counts: counts.counts)
        }
        return MonitoringSummary(sessions: sessions, regions: regionOrder.compactMap { regions[$0] }, outcomes: outcomes)
    }

    /// What one country received: the delivered sessions its people attended (with counts of
    /// them, never names) and the outcomes recorded for it, over the latest recorded version of
    /// each of `plans` (all recorded plans when empty).
    ///
    /// - Throws: `RioError.usage` for a code not in `countries.yaml` (with the nearest code).
    public func countryReceived(code: String, plans: [String] = []) throws -> CountryReceived {
        let db = try requireDatabase("no workspace database yet; `rioplan plan` records plans and `rioplan record` their delivery")
        let catalog = try self.catalog()
        guard let country = catalog.countries.first(where: { $0.code == code.uppercased() }) else {
            throw RioError.usage(Suggestion.unknown(code, kind: "country code", known: catalog.countries.map(\.code)))
        }
        let snapshot = try RecordSnapshot(db: db, plans: plans, country: country.code)
        let focal = try db.focalPoints(country: country.code)
        var activities: [CountryReceived.Activity] = []
        for l in snapshot.lines where l.status == .delivered && l.participants > 0 {
            activities.append(activity(l, catalog: catalog, focal: focal[l.stored.session] ?? [:]))
        }
        activities.sort { ($0.start, $0.session) < ($1.start, $1.session) }
        let outcomes = snapshot.outcomes.filter { $0.record.country == country.code }.map(\.record)
        return CountryReceived(country: country, activities: activities, outcomes: outcomes)
    }

    /// One session as a national report lists it, with the country's participants summed.
    func activity(_ l: RecordSnapshot.Line, catalog: Catalog, focal: [String: Int]) -> CountryReceived.Activity {
        let s = l.stored, module = catalog.module(s.module)
        let venueID = l.delivery.map { $0.venue } ?? s.venue
        let location = venueID.flatMap { catalog.venue($0) }.map { "\($0.name), \($0.city)" } ?? (venueID ?? "Online")
        // The conventions' secretariats (the catalog's `secretariat` is their seat, e.g. Bonn), then the module's partners.
        let secretariats = s.conventionIDs.map { "\($0) secretariat" }
        let sum = { (f: (AttendanceTally) -> Int) in l.tallies.reduce(0) { $0 + f($1) } }
        return CountryReceived.Activity(
            session: s.session, title: module?.title ?? s.module, description: module?.summary ?? module?.title ?? s.module,
            conventions: s.conventionIDs, themes: s.themeIDs, region: s.region, location: location,
            start: l.delivery?.start ?? s.plannedStart ?? Day(number: 0), end: l.delivery?.end ?? s.plannedEnd ?? Day(number: 0),
            status: .delivered, implementers: secretariats + (module?.partners ?? []), participants: l.participants, women: sum(\.women),
            disclosed: sum(\.disclosed), youth: sum(\.youth), iplc: sum(\.iplc), completed: sum(\.completed), focalPoints: focal)
    }
}

/// A written national report and what it holds.
public struct NationalReportFile: Sendable {
    public var data: Data
    /// The country's name, and how many activities and outcomes the report lists.
    public var country: String
    public var activities: Int
    public var outcomes: Int
}

extension Workspace {
    /// `rioplan national-report`: what one country received, as XLSX or Markdown.
    ///
    /// - Parameter plans: only these plans' sessions (all recorded plans when empty).
    public func nationalReport(country code: String, plans: [String], markdown: Bool) throws -> NationalReportFile {
        let received = try countryReceived(code: code, plans: plans)
        let catalog = try self.catalog()
        let currency = try plans.first.flatMap { try existingDatabase()?.latestPlanRun(name: $0)?.decodedPlan().currency } ?? ""
        let report = NationalReport(received: received, catalog: catalog, currency: currency, plans: plans)
        return NationalReportFile(
            data: markdown ? Data(report.markdown().utf8) : try report.xlsxData(), country: received.country.name,
            activities: received.activities.count, outcomes: received.outcomes.count)
    }
}
