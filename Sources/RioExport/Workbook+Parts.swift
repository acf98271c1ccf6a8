/// The Office Open XML parts of a workbook, written by hand in schema order.
extension Workbook {
    /// Indices into `cellXfs` of `xl/styles.xml`.
    enum Style: Int {
        case plain = 0, header, money, date, quoted, boldMoney, count, boldCount, boldQuoted, bold
    }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Every part, as (path inside the zip, bytes), in the order they are stored.
    func parts() -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", rootRels()),
            ("docProps/app.xml", appProperties()),
            ("docProps/core.xml", coreProperties()),
            ("xl/workbook.xml", workbookXML()),
            ("xl/_rels/workbook.xml.rels", workbookRels()),
            ("xl/styles.xml", stylesXML()),
        ]
        for (i, s) in sheets.enumerated() {
            out.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(s, selected: i == 0)))
        }
        return out
    }

    func contentTypes() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        x.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        x.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        x.raw("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for i in sheets.indices {
            x.raw("<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        x.raw("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        x.raw("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        x.raw("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        x.raw("</Types>")
        return x.bytes
    }

    func rootRels() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        x.raw("<Relationship Id=\"rId1\" Type=\"\(Workbook.relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>")
        x.raw("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
        x.raw("<Relationship Id=\"rId3\" Type=\"\(Workbook.relNS)/extended-properties\" Target=\"docProps/app.xml\"/>")
        x.raw("</Relationships>")
        return x.bytes
    }

    /// Extended properties; the sheet counts must match the workbook or Excel offers a repair.
    func appProperties() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw(
            "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        )
        x.raw("<Application>rioplan</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        x.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>")
        x.raw("<vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>")
        x.raw("<TitlesOfParts><vt:vector size=\"\(sheets.count)\" baseType=\"lpstr\">")
        for s in sheets { x.raw("<vt:lpstr>"); x.text(s.name); x.raw("</vt:lpstr>") }
        x.raw("</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>")
        x.raw("<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>")
        return x.bytes
    }

    func coreProperties() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw(
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        )
        x.raw("<dc:title>"); x.text(title); x.raw("</dc:title><dc:creator>rioplan</dc:creator></cp:coreProperties>")
        return x.bytes
    }

    func workbookXML() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw("<workbook xmlns=\"\(Workbook.mainNS)\" xmlns:r=\"\(Workbook.relNS)\">")
        x.raw("<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"16000\" activeTab=\"0\"/></bookViews><sheets>")
        for (i, s) in sheets.enumerated() {
            x.raw("<sheet name=\""); x.text(s.name); x.raw("\" sheetId=\"\(i + 1)\"\(s.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>")
        }
        x.raw("</sheets><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>")
        return x.bytes
    }

    func workbookRels() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for i in sheets.indices {
            x.raw("<Relationship Id=\"rId\(i + 1)\" Type=\"\(Workbook.relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>")
        }
        x.raw("<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Workbook.relNS)/styles\" Target=\"styles.xml\"/>")
        x.raw("</Relationships>")
        return x.bytes
    }

    /// Fonts (regular, bold), fills (`none` and `gray125` first, as required, then the header tint),
    /// number formats (money 164, date 165) and the cell formats of `Style`, in its order.
    func stylesXML() -> [UInt8] {
        var x = XMLBuffer()
        x.raw(Workbook.xmlHeader)
        x.raw("<styleSheet xmlns=\"\(Workbook.mainNS)\">")
        x.raw("<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"")
        x.text(moneyFormatCode)
        x.raw("\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></numFmts>")
        x.raw("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        x.raw("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>")
        x.raw("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        x.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7EDF3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>")
        x.raw("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
        x.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        let xfs = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>",
            "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
            "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>",
            "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>",
            "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
            "<xf numFmtId=\"3\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" quotePrefix=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
        ]
        x.raw("<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>")
        x.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        x.raw("<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>")
        return x.bytes
    }

    /// One worksheet: `dimension`, `sheetViews` (frozen header), `sheetFormatPr`, `cols`,
    /// `sheetData`, `dataValidations`, `pageMargins`, `pageSetup`: the schema's order.
    ///
    /// - Complexity: O(cells).
    func sheetXML(_ sheet: Sheet, selected: Bool) -> [UInt8] {
        let widths = self.widths(sheet)
        let columns = max(widths.count, sheet.header.count, (sheet.rows + sheet.details).map(\.count).max() ?? 0, 1)
        let lastCol = Workbook.columnName(columns - 1)
        let top = sheet.headerRow
        var x = XMLBuffer(capacity: 256 * (sheet.rows.count + sheet.details.count + 2))
        x.raw(Workbook.xmlHeader)
        x.raw("<worksheet xmlns=\"\(Workbook.mainNS)\" xmlns:r=\"\(Workbook.relNS)\">")
        x.raw("<dimension ref=\"A1:\(lastCol)\(sheet.rows.count + top)\"/>")
        x.raw("<sheetViews><sheetView \(selected ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">")
        x.raw("<pane ySplit=\"\(top)\" topLeftCell=\"A\(top + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        x.raw("<selection pane=\"bottomLeft\" activeCell=\"A\(top + 1)\" sqref=\"A\(top + 1)\"/></sheetView></sheetViews>")
        x.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if !widths.isEmpty {
            x.raw("<cols>")
            for (i, w) in widths.enumerated() {
                x.raw("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>")
            }
            x.raw("</cols>")
        }
        let names = (0..<columns).map(Workbook.columnName)
        x.raw("<sheetData>")
        for (r, row) in sheet.details.enumerated() { writeRow(row, number: r + 1, names: names, into: &x) }
        x.raw("<row r=\"\(top)\">")
        for (i, h) in sheet.header.enumerated() {
            writeText(h, ref: names[i] + String(top), bold: true, header: true, into: &x)
        }
        x.raw("</row>")
        for (r, row) in sheet.rows.enumerated() { writeRow(row, number: r + top + 1, names: names, into: &x) }
        x.raw("</sheetData>")
        writeValidations(sheet.validations, into: &x)
        x.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        x.raw("<pageSetup orientation=\"landscape\" fitToHeight=\"0\"/>")
        x.raw("</worksheet>")
        return x.bytes
    }

    /// One `<row>` of cells at row `number`.
    private func writeRow(_ row: [Cell], number: Int, names: [String], into x: inout XMLBuffer) {
        let rowNumber = String(number)
        x.raw("<row r=\""); x.raw(rowNumber); x.raw("\">")
        for (i, cell) in row.enumerated() {
            writeCell(cell, ref: names[i] + rowNumber, into: &x)
        }
        x.raw("</row>")
    }

    private func writeCell(_ cell: Cell, ref: String, into x: inout XMLBuffer) {
        switch cell {
        case .empty:
            return
        case .text(let s, let bold):
            writeText(s, ref: ref, bold: bold, into: &x)
        case .money(let v, let bold):
            writeNumber(v, ref: ref, style: bold ? .boldMoney : .money, into: &x)
        case .count(let v, let bold):
            writeNumber(v, ref: ref, style: bold ? .boldCount : .count, into: &x)
        case .date(let d):
            writeNumber(Workbook.serial(d), ref: ref, style: .date, into: &x)
        case .formula(let f, let cached, let money, let bold):
            let style: Style = money ? (bold ? .boldMoney : .money) : (bold ? .boldCount : .count)
            x.raw("<c r=\""); x.raw(ref); x.raw("\" s=\"\(style.rawValue)\"><f>"); x.text(f)
            x.raw("</f><v>"); x.int(cached); x.raw("</v></c>")
        }
    }

    private func writeNumber(_ v: Int, ref: String, style: Style, into x: inout XMLBuffer) {
        x.raw("<c r=\""); x.raw(ref); x.raw("\" s=\"\(style.rawValue)\"><v>"); x.int(v); x.raw("</v></c>")
    }

    /// An inline string cell; text that could run as a formula gets `'` and the quote-prefix style.
    private func writeText(_ s: String, ref: String, bold: Bool, header: Bool = false, into x: inout XMLBuffer) {
        var text = XMLBuffer.cleaned(s)
        let neutral = SpreadsheetText.needsPrefix(text)
        if neutral { text = "'" + text }
        if text.count > Workbook.maxCellLength { text = String(text.prefix(Workbook.maxCellLength)) }
        let style: Style
        if header { style = neutral ? .boldQuoted : .header } else if neutral { style = .quoted } else { style = bold ? .bold : .plain }
        x.raw("<c r=\""); x.raw(ref); x.raw("\"")
        if style != .plain { x.raw(" s=\"\(style.rawValue)\"") }
        x.raw(" t=\"inlineStr\"><is><t xml:space=\"preserve\">"); x.text(text); x.raw("</t></is></c>")
    }
}
