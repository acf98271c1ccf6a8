import Foundation
import RioModel

@testable import RioStore

/// Paths and helpers shared by the store tests.
enum StoreFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/benchmarks/pub-s/catalog`: a valid 26-mandate, 22-module catalog.
    static let pubS = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/pub-s/catalog").path

    /// An in-memory store built from `folder`.
    static func store(folder: String = pubS) throws -> CatalogStore {
        let store = CatalogStore(database: try AppDatabase())
        try store.ensureFresh(folder: folder)
        return store
    }

    /// A new temporary folder holding `files`.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// A copy of pub-s in a temporary folder (to edit).
    static func copyOfPubS() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rio-store-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: pubS), to: dir)
        return dir
    }

    /// Two conventions with mandates on `tenure` but only single-convention modules for it.
    static let gapCatalog: [String: String] = [
        "catalog.yaml": """
        conventions:
          - {id: UNCCD, name: Desertification}
          - {id: CBD, name: Biodiversity}
          - {id: UNFCCC, name: Climate}
        themes:
          - {id: tenure, label: Land tenure, terms: {UNCCD: [responsible governance of tenure]}}
          - {id: gender, label: Gender}
        mandates:
          - {id: u1, convention: UNCCD, symbol: "26/COP.14", title: Land tenure, year: 2019, themes: [tenure], summary: Tenure security.}
          - {id: c1, convention: CBD, symbol: "15/13", title: Tenure and biodiversity, year: 2022, themes: [tenure, gender], summary: Rights.}
          - {id: f1, convention: UNFCCC, symbol: "3/CP.25", title: Gender action plan, year: 2019, themes: [gender], summary: GAP.}
          - {id: f2, convention: UNFCCC, symbol: "1/CP.21", title: Paris, year: 2015, themes: [gender], summary: Unserved.}
        modules:
          - {id: u-tenure, title: Tenure for land, themes: [tenure], mandates: [u1], delivery: online, days: 1, languages: [en], maxParticipants: 20}
          - {id: c-tenure, title: Tenure for biodiversity, themes: [tenure, gender], mandates: [c1], delivery: online, days: 1, languages: [en], maxParticipants: 20}
          - {id: joint-gender, title: Gender across conventions, themes: [gender], mandates: [c1, f1], delivery: online, days: 2, languages: [en], maxParticipants: 20}
        regions:
          - {id: hq, name: HQ, timezone: Europe/Berlin, dsaPerDay: 300, participantTravel: 500, localTravel: 100, venues: []}

        """
    ]
}
