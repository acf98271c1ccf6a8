import Foundation
import RioModel
import RioStore

/// Needs intake (serve.md): the regional offices send their region's needs for a planning
/// cycle, by web form or by uploading a CSV or XLSX sheet; each row is checked against the
/// catalog and the cycle's dates, and a valid submission is stored with who sent it and when.
extension Workspace {
    /// The dates of a planning cycle: the `horizon` of the plan request `Plans/CYCLE.yaml`
    /// (under the plans folder), read without needing its `demand` file, which `rioplan needs`
    /// writes, to exist yet.
    ///
    /// - Throws: `RioError.data` when the name is not a cycle name, the file is missing, or its
    ///   horizon is missing or broken.
    public func needsCycle(_ cycle: String) throws -> (start: Day, end: Day) {
        let h = try cycleHorizon(cycle)
        return (h.start, h.end)
    }

    /// The plan request file of a cycle.
    func cyclePath(_ cycle: String) -> String { (plansFolder as NSString).appendingPathComponent(cycle + ".yaml") }

    /// The horizon of `Plans/CYCLE.yaml`.
    func cycleHorizon(_ cycle: String) throws -> DayRange {
        let known = knownCycles()
        let list = known.isEmpty ? "no plan request is in \(plansFolder) yet" : "cycles: \(known.joined(separator: ", "))"
        guard YAMLMap.isValidID(cycle), !cycle.contains("/") else {
            throw RioError.data("`\(cycle)` is not the name of a planning cycle; use the name of a plan request under \(plansFolder) (\(list))")
        }
        let path = cyclePath(cycle)
        guard FileManager.default.fileExists(atPath: path) else {
            throw RioError.data(
                "no planning cycle `\(cycle)`: \(path) does not exist; write that plan request with its `horizon` (see Plans/jlg-2027.yaml), or use another cycle (\(list))"
            )
        }
        let bag = DiagnosticBag()
        let doc = try YAMLDocument(path: path, bag: bag)
        var horizon: DayRange?
        if let root = doc.root, let top = YAMLMap(root, file: path, bag: bag, what: "the plan request"),
            let h = top.map("horizon", what: "`horizon`"), let s = h.day("start"), let e = h.day("end")
        {
            if e < s {
                bag.add(h.location(of: "end"), "horizon ends (\(e)) before it starts (\(s))", hint: "swap the dates or correct one of them")
            } else {
                horizon = DayRange(start: s, end: e)
            }
        }
        guard let horizon, bag.isEmpty else {
            let why = bag.sorted.first.map(\.description) ?? "\(path) holds no `horizon`"
            throw RioError.data(
                "the planning cycle `\(cycle)` has no readable horizon: \(why); give \(path) a `horizon: {start: YYYY-MM-DD, end: YYYY-MM-DD}`")
        }
        return horizon
    }

    /// The names of the plan requests under the plans folder (YAML files with a top-level
    /// `horizon:` line; list files such as a written demand list have none), sorted.
    func knownCycles() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: plansFolder)) ?? []
        return files.filter { name in
            guard name.hasSuffix(".yaml"), !name.hasPrefix("."),
                let data = FileManager.default.contents(atPath: (plansFolder as NSString).appendingPathComponent(name))
            else { return false }
            return String(decoding: data.prefix(64 * 1024), as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("horizon:") }
        }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The region whose needs `principal` may send or read: their own for a regional office,
    /// nil (any) for the coordinator.
    ///
    /// - Throws: `RioError.forbidden` for finance and viewers.
    func needsRegion(of principal: Principal, doing what: String) throws -> String? {
        switch principal.role {
        case .coordinator: return nil
        case .region(let id): return id
        case .finance, .viewer:
            throw RioError.forbidden(
                "\(principal.name) (\(principal.role)) may not \(what); the regional offices and the coordinator send and read needs")
        }
    }

    /// Checks every row of an uploaded needs sheet and stores them all in one transaction, or
    /// nothing.
    ///
    /// The sheet is CSV (UTF-8, with or without BOM; `,` or `;`) or XLSX (its first sheet),
    /// told apart by content, whatever `fileName` says. Columns are those of a request's demand
    /// list: id (optional: `n-REGION-NNN` is made), module, region (optional for a regional
    /// office: its own), participants, languages (separated by spaces, commas or semicolons),
    /// priority, earliest, latest (ISO dates, or a workbook's date cells).
    ///
    /// - Parameter fileName: the uploaded file's name, as shown in messages and stored.
    /// - Throws: `RioError.invalidInput` with every problem, each at `FILE:ROW:COL` saying what
    ///   to do (a regional office's row of another region is one); `.forbidden` for finance and
    ///   viewers; `.data` for an unknown cycle.
    public func submitNeeds(cycle: String, sheet: Data, fileName: String, by principal: Principal) throws -> NeedSubmission {
        let own = try needsRegion(of: principal, doing: "send needs")
        let name = NeedSheet.displayName(fileName)
        let table = try NeedSheet.read(sheet, file: name)
        return try storeNeeds(table, cycle: cycle, source: name, ownRegion: own, form: false, by: principal)
    }

    /// Checks the web form's one need and stores it.
    ///
    /// - Parameter fields: the form's values by field name (`NeedRow.fields`; other keys are
    ///   ignored, empty values count as not given).
    /// - Throws: as `submitNeeds`; each problem's message starts with the field's name, and its
    ///   column is the field's 1-based place in `NeedRow.fields`.
    public func submitNeed(cycle: String, fields: [String: String], by principal: Principal) throws -> NeedSubmission {
        let own = try needsRegion(of: principal, doing: "send needs")
        return try storeNeeds(NeedSheet.formSheet(fields), cycle: cycle, source: "form", ownRegion: own, form: true, by: principal)
    }

    /// Validates and stores one submission.
    func storeNeeds(_ sheet: Sheet, cycle: String, source: String, ownRegion: String?, form: Bool, by principal: Principal) throws
        -> NeedSubmission
    {
        let horizon = try cycleHorizon(cycle)
        let catalog = try self.catalog(), db = try database()
        let bag = DiagnosticBag()
        let check = NeedSheet(catalog: catalog, horizon: horizon, ownRegion: ownRegion, stored: try db.needIDs(cycle: cycle), form: form, bag: bag)
        let lines = check.lines(sheet)
        if !bag.isEmpty { throw RioError.invalidInput(bag.sorted) }
        let regions = catalog.regions.map(\.id).filter { r in lines.contains { $0.region == r } }
        let batch = AppDatabase.NeedBatch(
            cycle: cycle, region: ownRegion ?? regions.joined(separator: ", "), sender: principal.name, submittedAt: Date(), source: source,
            lines: lines)
        return NeedSubmission(try db.insertNeeds(batch))
    }

    /// The submissions of a cycle, oldest first: a regional office sees its own region's needs
    /// only (submissions without one are left out), the coordinator all of them.
    ///
    /// - Throws: `RioError.forbidden` for finance and viewers, `.data` for an unknown cycle.
    public func needs(cycle: String, visibleTo principal: Principal) throws -> [NeedSubmission] {
        let own = try needsRegion(of: principal, doing: "read the regions' needs")
        _ = try cycleHorizon(cycle)
        guard let db = try existingDatabase() else { return [] }
        return try db.needBatches(cycle: cycle, region: own).map { b in
            var s = NeedSubmission(b)
            if let own { s.region = own }
            return s
        }
    }

    /// Removes one need of a cycle (its submission too when it held no other).
    ///
    /// - Throws: `RioError.notFound` when the cycle has no such need, or (for a regional office)
    ///   it is another region's, with the same message; `.forbidden` for finance and viewers.
    public func withdrawNeed(cycle: String, id: String, by principal: Principal) throws {
        let own = try needsRegion(of: principal, doing: "withdraw needs")
        _ = try cycleHorizon(cycle)
        let db = try database()
        let region = try db.needRegion(cycle: cycle, needId: id)
        guard let region, own == nil || own == region else {
            let whose = own == nil ? "" : " of your region"
            throw RioError.notFound("no need `\(id)`\(whose) in the cycle \(cycle); the list of needs shows their ids")
        }
        try db.deleteNeed(cycle: cycle, needId: id)
    }
}
