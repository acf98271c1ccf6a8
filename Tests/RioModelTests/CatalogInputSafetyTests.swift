import Foundation
import Testing

@testable import RioModel

/// Hostile or broken files: a clear located diagnostic, never a crash or a hang.
@Suite(.timeLimit(.minutes(1))) struct CatalogInputSafetyTests {
    @Test func yamlSyntaxErrorIsLocated() throws {
        let p = try CatalogFixture.problems(["broken.yaml": "themes:\n  - id: a\n    label: \"unclosed\n  - id: b\n"])
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("broken.yaml:") == true)
        #expect(p.first?.contains("YAML syntax error") == true)
        #expect(p.first?.contains("; fix the indentation or quoting at this place") == true)
    }

    @Test func badIndentationIsLocated() throws {
        let p = try CatalogFixture.problems(["broken.yaml": "themes:\n  - id: a\n   label: A\n"])
        #expect(p == ["broken.yaml:3:4: YAML syntax error: did not find expected '-' indicator; fix the indentation or quoting at this place"])
    }

    @Test func duplicateKeyInOneMapping() throws {
        let p = try CatalogFixture.problems(["more.yaml": "themes:\n  - id: a\n    label: A\n    label: B\n"])
        #expect(p.count == 1)
        #expect(p.first?.contains("appears twice") == true)
        #expect(p.first?.hasPrefix("more.yaml:") == true)
    }

    @Test func binaryFileIsRefused() throws {
        let f = try CatalogFixture()
        try f.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), as: "logo.yaml")
        #expect(try f.problems() == ["logo.yaml:1:1: this is a binary file, not YAML text; point RioPlan at the YAML file itself"])
    }

    @Test func notUTF8IsRefused() throws {
        let f = try CatalogFixture()
        try f.write(Data("themes: [caf".utf8) + Data([0xE9]) + Data("]\n".utf8), as: "latin1.yaml")
        #expect(try f.problems() == ["latin1.yaml:1:1: file is not valid UTF-8 text; save it as UTF-8 (in Excel or a text editor: Save As, encoding UTF-8)"])
    }

    @Test func tenMegabyteFileIsRefusedWithoutParsing() throws {
        let f = try CatalogFixture()
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var big = Data(capacity: 10 << 20)
        while big.count < 10 << 20 { big.append(line) }
        try f.write(big, as: "huge.yaml")
        #expect(
            try f.problems() == [
                "huge.yaml:1:1: file is 10 MB, larger than the 8 MB a catalog or request file may be; "
                    + "split it into several files or check that this is the right file"
            ])
    }

    @Test func deeplyNestedFlowIsRefused() throws {
        let f = try CatalogFixture()
        try f.write(
            Data(("themes: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").utf8),
            as: "deep.yaml")
        #expect(try f.problems() == ["deep.yaml:1:265: nesting deeper than 256 levels; flatten the structure; no RioPlan file needs this depth"])
    }

    @Test func deeplyNestedBlockListIsRefused() throws {
        let f = try CatalogFixture()
        try f.write(Data(("themes:\n" + String(repeating: "- ", count: 5000) + "x\n").utf8), as: "dashes.yaml")
        let p = try f.problems()
        #expect(p.count == 1)
        #expect(p.first?.contains("nesting deeper than 256 levels") == true)
    }

    @Test func billionLaughsDoesNotExpand() throws {
        let bomb = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            themes: *i
            mandates:
              - {id: x, convention: CBD, symbol: s, title: t, year: 2024, summary: s, themes: *i}

            """
        let p = try CatalogFixture.problems(["bomb.yaml": bomb])
        #expect(!p.isEmpty)
        // Aliases share the anchored node: each of the 9 entries is checked once, not 9^9 times.
        #expect(p.count < 40)
        #expect(p.contains { $0.hasPrefix("bomb.yaml:1:1: unknown key `a` in a catalog file") })
        #expect(p.contains { $0.hasPrefix("bomb.yaml:8:4: a theme must be a mapping of `key: value` lines, found a list") }, "\(p)")
    }

    @Test func missingFolderIsUnreadable() throws {
        #expect(throws: RioError.self) { try CatalogLoader.load(folder: "/nonexistent/rio-catalog") }
        do {
            _ = try CatalogLoader.load(folder: "/nonexistent/rio-catalog")
        } catch let e as RioError {
            #expect(e.exitStatus == .noInput)
        }
    }

    @Test func emptyFolderIsInvalid() throws {
        let f = try CatalogFixture(replacing: CatalogFixture.base.mapValues { _ in nil })
        #expect(try f.problems() == ["\(f.folder.path):1:1: the catalog folder holds no .yaml files; pass the folder that holds the catalog YAML with --catalog DIR"])
    }
}
