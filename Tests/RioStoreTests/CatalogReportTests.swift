import Foundation
import RioModel
import Testing

@testable import RioStore

/// The cross-map, gaps and synergies queries.
@Suite struct CatalogReportTests {
    @Test func crossMapCellsCountMandatesAndModulesPerConvention() throws {
        let map = try StoreFixture.store().crossMap()
        #expect(map.conventions == ["UNCCD", "CBD", "UNFCCC"])
        #expect(map.rows.count == 12)
        #expect(map.rows.first?.theme.id == "ecosystem-based-approaches")
        let gender = try #require(map.rows.first { $0.theme.id == "gender" })
        #expect(gender.cells.map(\.convention) == ["UNCCD", "CBD", "UNFCCC"])
        #expect(gender.cells.map { $0.mandates.map(\.id) } == [["unccd-m02"], ["cbd-m07"], ["unfccc-m02"]])
        #expect(gender.cells.map { $0.modules.map(\.id) } == [["mod-10", "mod-12"], ["mod-10", "mod-12"], ["mod-12"]])
        #expect(gender.cells[2].modules.first?.conventions == ["UNCCD", "CBD", "UNFCCC"])
        #expect(gender.cells[2].jointModules == 1)
    }

    @Test func crossMapNarrowsToOneThemeAndConvention() throws {
        let map = try StoreFixture.store().crossMap(theme: "gender", convention: "cbd")
        #expect(map.conventions == ["CBD"])
        #expect(map.rows.map(\.theme.id) == ["gender"])
        #expect(map.rows.first?.cells.map(\.convention) == ["CBD"])
    }

    @Test func unknownThemeOrConventionSuggestsTheClosest() throws {
        let store = try StoreFixture.store()
        do {
            _ = try store.crossMap(theme: "gendr")
            Issue.record("expected an error")
        } catch let e as RioError {
            #expect(e.exitStatus == .usage)
            #expect(e.description.hasPrefix("unknown theme `gendr`; did you mean `gender`?"))
        }
        do {
            _ = try store.crossMap(convention: "UNFCC")
            Issue.record("expected an error")
        } catch let e as RioError {
            #expect(e.description == "unknown convention `UNFCC`; did you mean `UNFCCC`? (known conventions: UNCCD, CBD, UNFCCC)")
        }
    }

    @Test func crossMapRendersTableCSVAndJSON() throws {
        let map = try StoreFixture.store().crossMap(theme: "gender")
        let table = map.table()
        #expect(table.contains("gender  1 mandate / 2 modules (2 joint)  1 mandate / 2 modules (2 joint)  1 mandate / 1 module (1 joint)\n"))
        #expect(table.contains("    module   Gender-responsive land, biodiversity and climate action  [mod-12]  joint: UNCCD+CBD+UNFCCC\n"))
        let csv = map.csv()
        #expect(csv.hasPrefix("theme,themeLabel,convention,mandates,modules,jointModules,mandateIds,moduleIds\r\n"))
        #expect(csv.contains("gender,Gender equality,UNCCD,1,2,2,unccd-m02,mod-10; mod-12\r\n"))
        let json = try TextTable.json(map)
        #expect(try JSONDecoder().decode(CrossMap.self, from: Data(json.utf8)) == map)
        #expect(json.contains("\"joint\" : true"))
    }

    @Test func gapsListUnservedMandates() throws {
        let gaps = try StoreFixture.store().gaps()
        #expect(gaps.unservedMandates.map(\.id) == ["unccd-m07", "cbd-m06", "unfccc-m05", "unfccc-m08"])
        #expect(gaps.themesWithoutJointModule.isEmpty)
    }

    @Test func gapsListThemesWithoutAJointModule() throws {
        let store = try StoreFixture.store(folder: StoreFixture.folder(StoreFixture.gapCatalog).path)
        let gaps = try store.gaps()
        #expect(gaps.unservedMandates.map(\.id) == ["f2"])
        #expect(gaps.themesWithoutJointModule.map(\.theme.id) == ["tenure"])  // gender has joint-gender
        let tenure = try #require(gaps.themesWithoutJointModule.first)
        #expect(tenure.mandatesPerConvention == [.init(convention: "UNCCD", mandates: 1), .init(convention: "CBD", mandates: 1)])
        #expect(tenure.modules.map(\.id) == ["u-tenure", "c-tenure"])
        #expect(
            gaps.table().contains("  tenure - Land tenure: mandates UNCCD 1, CBD 1\n    single-convention modules to widen or merge: u-tenure (UNCCD), c-tenure (CBD)\n"))
    }

    @Test func synergiesListJointModulesAndMergeCandidates() throws {
        let s = try StoreFixture.store().synergies()
        #expect(s.jointModules.count == 16)
        #expect(s.jointModules.first?.module.id == "mod-01")
        #expect(s.jointModules.first?.themes == ["land-tenure", "restoration"])
        #expect(s.jointModules.first?.module.conventions == ["UNCCD", "CBD"])
        #expect(s.couldMerge.map { [$0.first.id, $0.second.id] } == [["mod-06", "mod-08"], ["mod-06", "mod-09"], ["mod-08", "mod-09"], ["mod-15", "mod-17"]])
        #expect(s.couldMerge.map(\.sharedThemes) == [["reporting"], ["reporting"], ["reporting"], ["sustainable-finance"]])
    }

    @Test func mergeCandidatesNeedDifferentConventionsAndASharedTheme() throws {
        let store = try StoreFixture.store(folder: StoreFixture.folder(StoreFixture.gapCatalog).path)
        let s = try store.synergies()
        #expect(s.jointModules.map(\.module.id) == ["joint-gender"])
        #expect(s.couldMerge.count == 1)
        #expect(s.couldMerge.first?.first.id == "u-tenure")
        #expect(s.couldMerge.first?.second.id == "c-tenure")
        #expect(s.couldMerge.first?.sharedThemes == ["tenure"])
    }

    @Test func csvQuotesPerRFC4180() {
        let csv = TextTable.csv(["a", "b"], [["x, y", "say \"hi\""], ["line\nbreak", "plain"]])
        #expect(csv == "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",plain\r\n")
    }
}
