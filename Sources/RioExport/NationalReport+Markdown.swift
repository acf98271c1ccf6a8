import RioModel

/// The national report as Markdown (CommonMark with GitHub tables): a title, the cover's summary,
/// then one section per convention with the same table and notes as its sheet.
extension NationalReport {
    /// The whole report; ends with one newline.
    public func markdown() -> String {
        let delivered = received.activities.filter { $0.status == .delivered }
        let f = Figures(delivered)
        var md = "# \(NationalReport.markdownText(title))\n\n"
        let plansText = plans.isEmpty ? "all recorded plans" : plans.joined(separator: ", ")
        md +=
            NationalReport.markdownText(
                "From the joint capacity-building programme of the Rio conventions (plans: \(plansText)): \(delivered.count) activities delivered, "
                    + "\(f.participants) participants, \(f.women) women of \(f.disclosed) who disclosed their sex (\(NationalReport.percent(f.women, of: f.disclosed))), \(f.youth) youth, \(f.iplc) from Indigenous peoples and local communities, "
                    + "\(received.outcomes.count) outcomes recorded. \(NationalReport.countingNote) \(NationalReport.privacyNote)") + "\n"
        for layout in layouts { md += "\n" + markdownSection(layout) }
        return md
    }

    /// One layout: `## heading`, the intro, the table (or a line saying it is empty), the notes as a list.
    func markdownSection(_ layout: Layout) -> String {
        var md = "## \(NationalReport.markdownText(layout.heading))\n\n\(NationalReport.markdownText(layout.intro))\n\n"
        if layout.rows.isEmpty {
            md += "No activity.\n"
        } else {
            md += "| " + layout.header.map(NationalReport.markdownText).joined(separator: " | ") + " |\n"
            md += "|" + String(repeating: "---|", count: layout.header.count) + "\n"
            for row in layout.rows {
                let cells = (0..<layout.header.count).map { i in i < row.count ? NationalReport.markdownCell(row[i]) : "" }
                md += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        if !layout.notes.isEmpty {
            md += "\n"
            for note in layout.notes { md += "- **\(NationalReport.markdownText(note.label))**: \(NationalReport.markdownText(note.text))\n" }
        }
        return md
    }

    /// A cell as Markdown text: bold cells in `**`, counts with thousands separators, dates ISO.
    static func markdownCell(_ cell: Workbook.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .text(let s, let bold): return bold ? "**\(markdownText(s))**" : markdownText(s)
        case .money(let v, let bold), .count(let v, let bold): return bold ? "**\(Money.text(v))**" : Money.text(v)
        case .date(let d): return d.iso
        case .formula(_, let v, _, let bold): return bold ? "**\(Money.text(v))**" : Money.text(v)
        }
    }

    /// `text` safe in Markdown: punctuation that CommonMark would read as markup (emphasis, links,
    /// code, HTML, table pipes, headings, list markers) is backslash-escaped, and line breaks and other
    /// control characters become spaces, so input text can neither break a table nor inject HTML.
    static func markdownText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F {
                out += " "
            } else if "\\`*_[]<>|#!~".unicodeScalars.contains(u) {
                out += "\\"
                out.unicodeScalars.append(u)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
