import RioModel

/// The workbook part of an `.xlsx` package: its sheets (names, states, parts), date system, and
/// where its shared strings and styles are, all found through the package's relationships.
struct XLSXWorkbook {
    /// One entry of `<sheets>`.
    struct SheetEntry {
        var name: String
        /// The part's path inside the zip, e.g. `xl/worksheets/sheet1.xml`.
        var path: String
        var hidden: Bool
        /// False for chart sheets and dialog sheets.
        var isWorksheet: Bool
    }

    let package: XLSXPackage
    private(set) var sheets: [SheetEntry] = []
    private(set) var date1904 = false
    private(set) var sharedStringsPath: String?
    private(set) var styles = XLSXStyles()

    /// Reads `_rels/.rels`, the workbook part, its relationships and its styles.
    init(package: XLSXPackage) throws {
        self.package = package
        let main = try XLSXWorkbook.mainPart(package)
        guard let xml = try package.part(main) else {
            let what = main.hasSuffix(".bin") ? "a binary workbook (.xlsb)" : "a zip without a workbook part (\(main))"
            throw XLSXPackage.error(package.file, "this is \(what), not an .xlsx workbook", hint: "save it as .xlsx (Excel Workbook)")
        }
        let rels = try relationships(of: main)
        var entries: [(name: String, id: String, hidden: Bool)] = []
        var is1904 = false
        try parse(xml, part: main) { event in
            guard case .start(let e) = event else { return }
            if e.name == "workbookPr", let v = e.attribute("date1904") { is1904 = v == "1" || v.lowercased() == "true" }
            if e.name == "sheet", let name = e.attribute("name"), let id = e.attribute("id") {
                entries.append((name, id, e.attribute("state").map { $0 != "visible" } ?? false))
            }
        }
        date1904 = is1904
        sheets = entries.compactMap { entry in
            guard let rel = rels[entry.id] else { return nil }
            return SheetEntry(name: entry.name, path: rel.target, hidden: entry.hidden, isWorksheet: rel.type.hasSuffix("/worksheet"))
        }
        let folder = XLSXWorkbook.folder(of: main)
        sharedStringsPath = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? folder + "sharedStrings.xml"
        let stylesPath = rels.values.first { $0.type.hasSuffix("/styles") }?.target ?? folder + "styles.xml"
        let stylesXML = try package.part(stylesPath)
        do {
            styles = try XLSXStyles.parse(stylesXML)
        } catch let failure as XMLReader.Failure {
            throw malformed(stylesPath, failure)
        }
    }

    /// The sheet to read: the one named `name`, or the first visible worksheet.
    func sheet(named name: String?) throws -> SheetEntry {
        let file = package.file
        let list = sheets.map { "`\($0.name)`" }.joined(separator: ", ")
        guard let name else {
            if let first = sheets.first(where: { $0.isWorksheet && !$0.hidden }) ?? sheets.first(where: \.isWorksheet) { return first }
            throw XLSXPackage.error(file, "the workbook has no worksheet", hint: "add a sheet with a header row and save it again as .xlsx")
        }
        guard let found = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw XLSXPackage.error(file, "the workbook has no sheet named `\(name)`", hint: "name one of its sheets: \(list)")
        }
        guard found.isWorksheet else {
            throw XLSXPackage.error(file, "sheet `\(found.name)` is a chart, not a worksheet", hint: "name one of its worksheets")
        }
        return found
    }

    /// The main part named by the package relationships (`xl/workbook.xml` when they are missing).
    static func mainPart(_ package: XLSXPackage) throws -> String {
        guard let xml = try package.part("_rels/.rels") else { return "xl/workbook.xml" }
        var main: String?
        try XLSXWorkbook.parseXML(xml, part: "_rels/.rels", file: package.file) { event in
            if case .start(let e) = event, e.name == "Relationship", main == nil,
                e.attribute("Type")?.hasSuffix("/officeDocument") == true, let target = e.attribute("Target")
            {
                main = resolve(target, from: "")
            }
        }
        return main ?? "xl/workbook.xml"
    }

    /// The relationships of `part` (from `folder/_rels/name.rels`): id to (type, resolved target).
    func relationships(of part: String) throws -> [String: (type: String, target: String)] {
        let folder = XLSXWorkbook.folder(of: part)
        let relsPath = folder + "_rels/" + part.dropFirst(folder.count) + ".rels"
        guard let xml = try package.part(relsPath) else {
            throw XLSXPackage.error(package.file, "the workbook has no part \(relsPath), which lists its sheets", hint: "save it again as .xlsx")
        }
        var out: [String: (type: String, target: String)] = [:]
        try parse(xml, part: relsPath) { event in
            guard case .start(let e) = event, e.name == "Relationship", e.attribute("TargetMode") != "External",
                let id = e.attribute("Id"), let target = e.attribute("Target")
            else { return }
            out[id] = (e.attribute("Type") ?? "", XLSXWorkbook.resolve(target, from: folder))
        }
        return out
    }

    /// Parses a part of this package, turning XML failures into located errors.
    func parse(_ xml: [UInt8], part: String, _ handler: (XMLReader.Event) throws -> Void) throws {
        try XLSXWorkbook.parseXML(xml, part: part, file: package.file, handler)
    }

    /// Parses a part, turning XML failures into located errors naming the part.
    static func parseXML(_ xml: [UInt8], part: String, file: String, _ handler: (XMLReader.Event) throws -> Void) throws {
        do {
            try XMLReader.parse(xml, handler)
        } catch let failure as XMLReader.Failure {
            throw XLSXPackage.error(
                file, "the part \(part) is \(failure.message) (line \(failure.line))", hint: "save the workbook again as .xlsx")
        }
    }

    /// A located error for a part that is not well-formed.
    private func malformed(_ part: String, _ failure: XMLReader.Failure) -> RioError {
        XLSXPackage.error(package.file, "the part \(part) is \(failure.message) (line \(failure.line))", hint: "save the workbook again as .xlsx")
    }

    /// The folder of a part, with its trailing `/` (`xl/` for `xl/workbook.xml`).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target resolved against `folder`: absolute (`/xl/...`) or relative, with
    /// `.` and `..` segments removed.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for segment in joined.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(segment)
        }
        return parts.joined(separator: "/")
    }
}
