import RioModel

/// How a needs sheet's problems are placed and phrased: `row 3, column C (participants): …`
/// for a sheet, `participants: …` for the web form, always with what to do.
extension NeedSheet {
    /// Adds a problem at the row's cell of `key`.
    func add(_ table: RecordTable, _ row: RecordTable.Row, _ key: String, _ message: String, hint: String) {
        let loc = table.location(row, key)
        let place = form ? key : "row \(loc.line), column \(NeedSheet.columnName(loc.column)) (\(key))"
        bag.add(loc, "\(place): \(message)", hint: hint)
    }

    /// `A` for 1, `Z` for 26, `AA` for 27: a column as a spreadsheet names it.
    static func columnName(_ column: Int) -> String {
        var n = max(1, column), out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// A broken demand rule, phrased for the person who filled the sheet or the form.
    func report(_ problem: DemandRules.Problem, _ table: RecordTable, _ row: RecordTable.Row) {
        let key = problem.field
        switch problem {
        case .unknownModule(let id):
            let near = Suggestion.closest(to: id, among: catalog.modules.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
            add(table, row, key, "`\(id)` is not a module of the catalog", hint: near + "write a module id as the catalog lists it")
        case .unknownRegion(let id):
            let ids = catalog.regions.map(\.id)
            let near = Suggestion.closest(to: id, among: ids).map { "did you mean `\($0)`? " } ?? ""
            add(table, row, key, "`\(id)` is not a region of the catalog", hint: near + "write one of \(ids.joined(separator: ", "))")
        case .overMaximum(let participants, let module):
            add(
                table, row, key, "\(participants) is over \(module.id)'s maximum of \(module.maxParticipants)",
                hint: "split it in two \(form ? "needs" : "rows") or lower it")
        case .noLanguages:
            add(table, row, key, "no language given", hint: "leave it empty for all of the module's languages")
        case .languagesNotOffered(let bad, let module, _):
            add(
                table, row, key, "\(module.id) is not given in \(bad.joined(separator: ", "))",
                hint: "write some of \(module.languages.joined(separator: ", ")), or leave it empty for all of them")
        case .outsideHorizon(_, let day, let horizon):
            add(
                table, row, key, "\(day.iso) is outside the cycle (\(horizon.start.iso) to \(horizon.end.iso))",
                hint: "choose a date inside the cycle, or leave it empty")
        case .emptyWindow(let earliest, let latest):
            add(table, row, key, "latest \(latest.iso) is before earliest \(earliest.iso)", hint: "swap the two dates or correct one of them")
        }
    }
}
