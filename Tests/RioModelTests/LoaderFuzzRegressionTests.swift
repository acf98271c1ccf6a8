import Foundation
import Testing

@testable import RioModel

/// Inputs for the loaders' fuzz target (`Benchmarks/fuzz.sh`): every file under
/// `Tests/Fixtures/fuzz/` is replayed the way the target runs it. The first byte selects the
/// loader (even: one catalog file named like the real catalog's file number byte / 2; odd: a plan
/// request against the real catalog); the rest is the file. Each must load or be refused with
/// located diagnostics, never trap. Findings of the fuzzer are added here as files, so each
/// becomes a regression test; hand-written hostile inputs sit beside them.
@Suite struct LoaderFuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Fixtures/fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 10)
    }

    /// Found by the fuzzer: a control character gave `1:1: YAML could not be read:` followed by
    /// the parser's own multi-line text; it is now placed and explained.
    @Test func aControlCharacterIsPlaced() throws {
        let bag = DiagnosticBag()
        _ = YAMLDocument.parse(data: Data("travel:\n  - {from: ce, to: hq, cost: \u{1} 1500}\n".utf8), file: "regions.yaml", bag: bag)
        #expect(
            bag.sorted.map(\.description) == [
                "regions.yaml:2:30: YAML cannot hold this character (U+0001): control characters are not allowed; delete it (text copied from a PDF or a word processor often carries such characters) and save the file as plain UTF-8 text"
            ])
    }

    @Test(arguments: inputs)
    func replayedInputIsRefusedWithAPlaceOrLoads(name: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let selector = try #require(bytes.first)
        let body = Data(bytes.dropFirst())
        let source = try CatalogLoader.source(folder: Self.root.appendingPathComponent("Catalog").path)
        do {
            if selector % 2 == 0 {
                let k = Int(selector / 2) % source.files.count
                _ = try CatalogLoader.load(CatalogLoader.Source(folder: source.folder, files: [(source.files[k].shown, body)], fingerprint: ""))
            } else {
                let catalog = try CatalogLoader.load(source)
                _ = try PlanRequestLoader.load(data: body, path: Self.root.appendingPathComponent("Plans/fuzz.yaml").path, catalog: catalog)
            }
        } catch RioError.invalidInput(let ds) {
            #expect(!ds.isEmpty)
            for d in ds {
                #expect(!d.location.file.isEmpty && d.location.line >= 1 && d.location.column >= 1, "\(d)")
                #expect(!d.message.isEmpty && !d.hint.isEmpty, "\(d)")
                let oneLine = !d.description.contains { $0.isNewline }
                #expect(oneLine, "a diagnostic spans lines: \(d)")
            }
        }
    }
}
