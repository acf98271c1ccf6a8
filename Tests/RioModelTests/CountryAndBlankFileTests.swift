import Foundation
import Testing

@testable import RioModel

/// Issue 9: the `countries` key, venues' own time zones, explicit "no own term", and empty or
/// comment-only files, each with its exact `file:line:col: what; what to do`.
@Suite struct CountryAndBlankFileTests {
    static let countries = """
        countries:
          - {code: KEN, name: Kenya, annex: africa, ldc: false, sids: false}
          - {code: HTI, name: Haiti, annex: none, ldc: true, sids: true}
          - {code: EUU, name: European Union, annex: none, ldc: false, sids: false, nonMember: true}

        """

    @Test func countriesAreRead() throws {
        let f = try CatalogFixture(replacing: ["countries.yaml": Self.countries])
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let c = try CatalogLoader.load(folder: f.folder.path)
        #expect(c.countries.map(\.code) == ["KEN", "HTI", "EUU"])
        #expect(c.countries[0].annex == "africa" && c.countries[1].annex == nil)
        #expect(c.countries.filter(\.ldc).count == 1 && c.countries.filter(\.sids).count == 1)
        #expect(c.countries[2].nonMember && !c.countries[0].nonMember)
    }

    @Test func duplicateCodeUnknownAnnexBadCodeAndBadFlag() throws {
        let p = try CatalogFixture.problems([
            "countries.yaml": """
            countries:
              - {code: KEN, name: Kenya, annex: africa, ldc: false, sids: false}
              - {code: KEN, name: Kenya again, annex: afrika, ldc: false, sids: false}
              - {code: ke, name: Kenya, annex: none, ldc: no, sids: false}
            """
        ])
        #expect(
            p == [
                "countries.yaml:3:5: country `KEN` names annex `afrika`, which is not a region of the catalog; did you mean `africa`?",
                "countries.yaml:3:5: country code `KEN` is used twice (first at countries.yaml:2:5); list each country once",
                "countries.yaml:4:12: country code `ke` is not an ISO 3166-1 alpha-3 code; write three capital letters, e.g. KEN",
                "countries.yaml:4:47: `ldc` of a country must be true or false, found `no`; write true or false here",
            ])
    }

    @Test func venueTimezoneMustBeIANA() throws {
        var regions = try #require(CatalogFixture.base["regions.yaml"])
        regions = regions.replacingOccurrences(of: "        costPerDay: 1200\n", with: "        costPerDay: 1200\n        timezone: Mars/Olympus\n")
        #expect(regions.contains("Mars/Olympus"))
        let p = try CatalogFixture.problems(["regions.yaml": regions])
        #expect(p.count == 1)
        #expect(p.first?.hasSuffix("has time zone `Mars/Olympus`, which is not an IANA time zone; write it like Asia/Tbilisi or America/Montreal") == true)
    }

    @Test func anEmptyTermsListMeansNoOwnTerm() throws {
        let themes = """
            themes:
              - id: gender
                label: Gender
                terms: {UNCCD: [gender action plan], CBD: []}
              - id: finance
                label: Finance

            """
        let f = try CatalogFixture(replacing: ["themes.yaml": themes])
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let c = try CatalogLoader.load(folder: f.folder.path)
        #expect(c.theme("gender")?.terms == ["UNCCD": ["gender action plan"], "CBD": []])
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n# nothing here\n"])
    func anEmptyCatalogFileSaysWhatItMustHold(text: String) throws {
        let p = try CatalogFixture.problems(["empty.yaml": text])
        #expect(
            p == [
                "empty.yaml:1:1: the file is empty (only blank lines or comments); it must hold catalog entries under one or more of the keys `conventions:`, `themes:`, `mandates:`, `modules:`, `regions:`, `travel:`, `countries:`; delete the file if it is not needed"
            ])
    }

    @Test(arguments: ["", "# only a comment\n", "  \n# a\n# b\n"])
    func anEmptyRequestFileSaysWhatItMustHold(text: String) throws {
        let f = try CatalogFixture(replacing: [:])
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let catalog = try CatalogLoader.load(folder: f.folder.path)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("blank-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try PlanRequestLoader.load(path: path, catalog: catalog)
        } throws: { e in
            (e as? RioError)?.description
                == "\(path):1:1: the file is empty (only blank lines or comments); it must hold \(PlanRequestLoader.requestContent)\n1 problem found."
        }
    }
}
