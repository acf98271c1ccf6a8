import Foundation
import Testing

/// End to end: the catalog commands run as a user runs them, on the real catalog and on broken fixtures.
@Suite(.serialized) struct CatalogCommandTests {
    static let realCatalog = Rioplan.root.appendingPathComponent("Catalog").path
    static let brokenCatalog = Rioplan.root.appendingPathComponent("Tests/Fixtures/catalog/broken").path

    /// Runs `rioplan` in a fresh folder with its own workspace database.
    private func run(_ args: [String]) throws -> RunResult {
        let dir = try Rioplan.tempDir("rio-cli")
        return try Rioplan.run(args, cwd: dir, env: ["RIOPLAN_DB": dir.appendingPathComponent("ws.sqlite").path])
    }

    @Test func validateAcceptsTheRealCatalog() throws {
        let r = try run(["catalog", "validate", "--catalog", Self.realCatalog])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Catalog OK: 3 conventions, "))
        #expect(r.stdout.contains(" mandates (UNCCD "))
    }

    @Test func validateListsEveryProblemWithFileLineColumn() throws {
        let r = try run(["catalog", "validate", "--catalog", Self.brokenCatalog])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let located = lines.filter { $0.range(of: #"^error: .+\.yaml:\d+:\d+: .+; .+"#, options: .regularExpression) != nil }
        #expect(located.count == 6, "\(r.stderr)")
        #expect(lines.last == "error: 6 problems found.")
        #expect(r.stderr.contains("modules.yaml:2:5: module `rio-intro` serves mandate `cbd-15-9`, which is not in the catalog; did you mean `cbd-15-8`?"))
        #expect(r.stderr.contains("core.yaml:7:5: unknown key `secretariatt` in a convention; did you mean `secretariat`?"))
        #expect(r.stderr.contains("modules.yaml:7:11: `days` is 7; it must be a whole number of days from 1 to 5; correct the number"))
        #expect(r.stdout.isEmpty)
    }

    @Test func missingCatalogFolderIsExit66() throws {
        let r = try run(["catalog", "validate", "--catalog", "/nonexistent/Catalog"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no such folder"))
        let s = try run(["search", "gender", "--catalog", "/nonexistent/Catalog"])
        #expect(s.status == 66)
    }

    @Test func buildCompilesTheCatalogIntoTheWorkspaceDatabase() throws {
        let dir = try Rioplan.tempDir("rio-cli")
        let r = try Rioplan.run(["catalog", "build", "--catalog", Self.realCatalog], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Built .rioplan/rioplan.sqlite from "))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".rioplan/rioplan.sqlite").path))
    }

    /// The four design-card themes: mandates from all three conventions and at least one joint module.
    @Test(arguments: ["ecosystem-based-approaches", "sustainable-finance", "land-tenure", "gender"])
    func mapShowsEveryConventionAndAJointModule(_ theme: String) throws {
        let r = try run(["map", "--theme", theme, "--format", "json", "--catalog", Self.realCatalog])
        #expect(r.status == 0, "\(r.stderr)")
        let map = try JSONDecoder().decode(MapJSON.self, from: Data(r.stdout.utf8))
        #expect(map.conventions == ["UNCCD", "CBD", "UNFCCC"])
        let row = try #require(map.rows.first)
        #expect(row.theme.id == theme)
        for cell in row.cells {
            #expect(!cell.mandates.isEmpty, "no \(cell.convention) mandate on \(theme)")
        }
        #expect(row.cells.contains { $0.modules.contains(where: \.joint) }, "no joint module on \(theme)")
    }

    @Test func mapTableAndCSV() throws {
        let table = try run(["map", "--catalog", Self.realCatalog])
        #expect(table.status == 0)
        #expect(table.stdout.contains("THEME"))
        #expect(table.stdout.range(of: #"gender +\d+ mandates? / \d+ modules?"#, options: .regularExpression) != nil)
        let csv = try run(["map", "--convention", "CBD", "--format", "csv", "--catalog", Self.realCatalog])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("theme,themeLabel,convention,mandates,modules,jointModules,mandateIds,moduleIds\r\n"))
        #expect(csv.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",CBD,") })
    }

    @Test func mapRejectsAnUnknownThemeWithASuggestion() throws {
        let r = try run(["map", "--theme", "gendr", "--catalog", Self.realCatalog])
        #expect(r.status == 64)
        #expect(r.stderr.contains("error: unknown theme `gendr`; did you mean `gender`?"))
    }

    @Test func searchFindsRealWordsAndShowsWhatMatched() throws {
        let r = try run(["search", "drought", "--limit", "3", "--catalog", Self.realCatalog])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("1. "))
        #expect(r.stdout.contains("matched: drought"))
        #expect(r.stdout.lowercased().contains("[drought"))
        let json = try run(["search", "land", "tenure", "--format", "json", "--catalog", Self.realCatalog])
        let hits = try JSONDecoder().decode([HitJSON].self, from: Data(json.stdout.utf8))
        #expect(!hits.isEmpty)
        #expect(hits.first?.matched == ["land", "tenure"])
    }

    @Test func searchSurvivesOperatorsAndRefusesAnEmptyQuery() throws {
        let r = try run(["search", "gender \"finance", "AND", "OR", "(", "--catalog", Self.realCatalog])
        #expect(r.status == 0, "\(r.stderr)")
        let empty = try run(["search", "\"()\"", "--catalog", Self.realCatalog])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("holds no word"))
    }

    @Test func gapsAndSynergiesPrintTablesAndJSON() throws {
        for cmd in ["gaps", "synergies"] {
            let t = try run([cmd, "--catalog", Self.realCatalog])
            #expect(t.status == 0, "\(t.stderr)")
            let j = try run([cmd, "--format", "json", "--catalog", Self.realCatalog])
            #expect(j.status == 0)
            #expect((try? JSONSerialization.jsonObject(with: Data(j.stdout.utf8))) != nil)
        }
    }

    @Test func queriesRebuildTheDatabaseWhenTheCatalogChanges() throws {
        let dir = try Rioplan.tempDir("rio-cli")
        let catalog = dir.appendingPathComponent("Catalog")
        try FileManager.default.copyItem(at: Rioplan.shared.appendingPathComponent("benchmarks/pub-s/catalog"), to: catalog)
        let first = try Rioplan.run(["search", "zanzibar"], cwd: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("No mandate, module or country matches"))
        let file = catalog.appendingPathComponent("modules/modules.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Securing land tenure for restoration", with: "Land tenure in Zanzibar").utf8).write(to: file)
        let second = try Rioplan.run(["search", "zanzibar"], cwd: dir)
        #expect(second.stdout.contains("[module mod-01]"))
        #expect(second.stderr.contains("rebuilt"))
        let third = try Rioplan.run(["search", "zanzibar"], cwd: dir)
        #expect(!third.stderr.contains("rebuilt"))
    }

    @Test func helpExplainsWithAnExample() throws {
        for cmd in [["catalog", "validate"], ["catalog", "build"], ["search"], ["map"], ["gaps"], ["synergies"]] {
            let r = try run(cmd + ["--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("rioplan " + cmd[0]), "\(cmd)")
        }
    }
}

private struct MapJSON: Decodable {
    struct Theme: Decodable { var id: String }
    struct Module: Decodable { var id: String; var joint: Bool }
    struct Mandate: Decodable { var id: String }
    struct Cell: Decodable { var convention: String; var mandates: [Mandate]; var modules: [Module] }
    struct Row: Decodable { var theme: Theme; var cells: [Cell] }
    var conventions: [String]
    var rows: [Row]
}

private struct HitJSON: Decodable {
    var id: String
    var matched: [String]
}
