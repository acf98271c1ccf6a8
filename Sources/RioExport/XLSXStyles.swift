/// Which cell styles of a workbook show numbers as dates: what turns a serial number into a day.
///
/// A cell's `s` attribute indexes `cellXfs` in `xl/styles.xml`; its `numFmtId` is either built in
/// (ids 14–22 and 45–47 are dates and times in every locale, 27–36 and 50–58 dates in East Asian
/// ones) or defined in `numFmts` by a format code, which is a date when it shows a day, month or
/// year: `d`, `m` or `y` outside quotes, escapes and brackets, where an `m` next to `h` or `s`
/// means minutes. Elapsed times (`[h]:mm:ss`, built-in 46) are durations, not dates.
struct XLSXStyles {
    /// For each `cellXfs` index, whether it formats numbers as dates.
    var dateStyles: [Bool] = []

    /// Built-in number formats that are dates.
    static let builtinDates: Set<Int> = Set(14...22).union([45, 47]).union(27...36).union(50...58)

    /// Whether cell style `index` shows dates.
    func isDate(style index: Int) -> Bool { index >= 0 && index < dateStyles.count && dateStyles[index] }

    /// The styles of `xl/styles.xml` (no part: no date styles).
    static func parse(_ bytes: [UInt8]?) throws -> XLSXStyles {
        guard let bytes else { return XLSXStyles() }
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try XMLReader.parse(bytes) { event in
            switch event {
            case .start(let e) where e.name == "numFmt":
                if let id = e.attribute("numFmtId").flatMap({ Int($0) }) { custom[id] = e.attribute("formatCode") ?? "" }
            case .start(let e) where e.name == "cellXfs":
                inCellXfs = true
            case .end("cellXfs"):
                inCellXfs = false
            case .start(let e) where e.name == "xf" && inCellXfs:
                formats.append(e.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }
        let dates = formats.map { id in custom[id].map(isDateFormat) ?? builtinDates.contains(id) }
        return XLSXStyles(dateStyles: dates)
    }

    /// Whether a format code shows a date (see the type's notes).
    static func isDateFormat(_ code: String) -> Bool {
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        var letters: [Character] = []
        var elapsed = false
        var it = Array(section.lowercased())[...]
        while let c = it.popFirst() {
            switch c {
            case "\"":
                while let q = it.popFirst(), q != "\"" {}
            case "\\", "_", "*":
                _ = it.popFirst()
            case "[":
                var inside = ""
                while let q = it.popFirst(), q != "]" { inside.append(q) }
                if ["h", "hh", "m", "mm", "s", "ss"].contains(inside) { elapsed = true }
            default:
                if "dmyhs".contains(c) { letters.append(c) }
            }
        }
        if letters.contains("d") || letters.contains("y") { return true }
        if elapsed { return false }
        // An `m` is a month unless it stands next to hours or seconds (then it means minutes).
        for (i, c) in letters.enumerated() where c == "m" {
            let before = letters[..<i].last { $0 != "m" }
            let after = letters[(i + 1)...].first { $0 != "m" }
            if before != "h" && after != "s" && before != "s" { return true }
        }
        return false
    }
}
