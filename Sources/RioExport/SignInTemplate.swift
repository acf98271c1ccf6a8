import Foundation
import RioModel

/// The empty sign-in sheet of one session (`rioplan record template`), as `.xlsx` bytes.
///
/// The first sheet, `Sign-in`, holds the session's details on top (session id, module, region,
/// start, end, venue or `Online`, language), a blank row, then the header row of
/// monitoring.md's attendance columns (frozen, with the details), and data-validation rules on
/// the next `rows` rows: countries from the codes given (a hidden sheet `Lists` holds them,
/// since 198 codes are far past the 255 characters of an inline list), sex, organisation type,
/// completed yes/no, whole numbers 0–100 for the test scores and 1–5 for the reaction. The
/// header names are the attendance fields' own names, capitalised, so that the importers'
/// column matching (case-insensitive) reads them back as they are.
public struct SignInTemplate: Sendable {
    /// The column names of the header row, in order.
    public static let columns = [
        "Participant", "Country", "Sex", "Organisation", "FocalPoint", "Completed", "Pre", "Post", "Reaction",
    ]
    /// The labels of the details block, one a row from row 1.
    public static let detailLabels = ["Session", "Module", "Region", "Start", "End", "Venue", "Language"]
    /// The header's row number (below the details and one blank row).
    public static var headerRow: Int { detailLabels.count + 2 }

    public var session: String
    public var module: String
    public var region: String
    public var start: Day
    public var end: Day
    /// nil: the session is online.
    public var venue: String?
    public var language: String
    /// ISO 3166-1 alpha-3 codes the country column accepts (the catalog's countries).
    public var countries: [String]
    /// How many rows below the header carry the validation rules.
    public var rows: Int

    /// A template for one session; the details are plain values, as the caller found them.
    public init(
        session: String, module: String, region: String, start: Day, end: Day, venue: String?, language: String, countries: [String],
        rows: Int = 500
    ) {
        self.session = session; self.module = module; self.region = region; self.start = start; self.end = end
        self.venue = venue; self.language = language; self.countries = countries; self.rows = rows
    }

    /// The workbook's bytes (same template, same bytes).
    ///
    /// Throws `RioError.data` for a country code that is not three letters A–Z.
    public func data() throws -> Data {
        try workbook().data()
    }

    /// The workbook: the sign-in sheet and the hidden list of country codes.
    func workbook() throws -> Workbook {
        if let bad = countries.first(where: { $0.count != 3 || !$0.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) } }) {
            throw RioError.data("`\(bad)` is not an ISO 3166-1 alpha-3 country code (three capital letters)")
        }
        let values: [Workbook.Cell] = [
            .text(session), .text(module), .text(region), .date(start), .date(end), .text(venue ?? "Online"), .text(language),
        ]
        let details = zip(SignInTemplate.detailLabels, values).map { [Workbook.Cell.text($0, bold: true), $1] }
        let signIn = Workbook.Sheet(
            name: "Sign-in", header: SignInTemplate.columns, rows: [], details: details, validations: validations(),
            columnWidths: [30, 12, 13, 18, 14, 12, 7, 7, 10])
        let lists = Workbook.Sheet(
            name: "Lists", header: ["Country"], rows: countries.map { [.text($0)] }, columnWidths: [10], hidden: true)
        return Workbook(title: "Sign-in sheet \(session)", currency: "", sheets: countries.isEmpty ? [signIn] : [signIn, lists])
    }

    /// The rules of the data rows, column by column.
    func validations() -> [Workbook.DataValidation] {
        let first = SignInTemplate.headerRow + 1
        let span = first...(first + max(rows, 1) - 1)
        typealias V = Workbook.DataValidation
        var out: [V] = []
        if !countries.isEmpty {
            out.append(
                V(
                    column: 2, rows: span, rule: .listRange("Lists!$A$2:$A$\(countries.count + 1)"), title: "Country",
                    message: "The ISO 3166-1 alpha-3 code of the participant's country, e.g. KEN for Kenya."))
        }
        out += [
            V(column: 3, rows: span, rule: .list(Sex.allCases.map(\.rawValue)), title: "Sex", message: "female, male, other or undisclosed."),
            V(
                column: 4, rows: span, rule: .list(OrganisationType.allCases.map(\.rawValue)), title: "Organisation",
                message: "The kind of organisation the participant comes from."),
            V(column: 6, rows: span, rule: .list(["yes", "no"]), title: "Completed", message: "yes if the participant completed the session."),
            V(column: 7, rows: span, rule: .whole(0...100), title: "Pre-test score", message: "A whole number from 0 to 100, or empty."),
            V(column: 8, rows: span, rule: .whole(0...100), title: "Post-test score", message: "A whole number from 0 to 100, or empty."),
            V(column: 9, rows: span, rule: .whole(1...5), title: "Reaction", message: "A whole number from 1 (poor) to 5 (excellent), or empty."),
        ]
        return out
    }
}
