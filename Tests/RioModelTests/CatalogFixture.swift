import Foundation
import RioModel

/// A small valid catalog written into a temporary folder; tests replace one file with a broken variant.
struct CatalogFixture {
    static let base: [String: String] = [
        "conventions.yaml": """
        conventions:
          - id: UNCCD
            name: Desertification
          - id: CBD
            name: Biodiversity

        """,
        "themes.yaml": """
        themes:
          - id: gender
            label: Gender
          - id: finance
            label: Finance
            parent: gender
            terms:
              CBD: [resource mobilisation]

        """,
        "mandates.yaml": """
        mandates:
          - id: m-unccd
            convention: UNCCD
            symbol: "2/COP.16"
            title: Capacity-building
            year: 2024
            themes: [gender]
            summary: Asks for training.
          - id: m-cbd
            convention: CBD
            symbol: "15/8"
            title: Capacity-building and development
            year: 2022
            themes: [gender, finance]
            summary: Asks for more training.

        """,
        "modules.yaml": """
        modules:
          - id: intro
            title: Introduction
            themes: [gender]
            mandates: [m-unccd, m-cbd]
            delivery: online
            days: 1
            languages: [en]
            maxParticipants: 30
          - id: advanced
            title: Advanced
            themes: [finance]
            mandates: [m-cbd]
            delivery: in-person
            days: 3
            trainers: 2
            languages: [en, fr]
            maxParticipants: 25
            prerequisites: [intro]

        """,
        "regions.yaml": """
        regions:
          - id: africa
            name: Africa
            timezone: Africa/Nairobi
            dsaPerDay: 260
            participantTravel: 850
            localTravel: 300
            venues:
              - id: nairobi
                name: UNON
                city: Nairobi
                capacity: 80
                costPerDay: 1200
          - id: weog
            name: WEOG
            timezone: Europe/Berlin
            dsaPerDay: 300
            participantTravel: 600
            localTravel: 200
            venues: []
        travel:
          - {from: weog, to: africa, cost: 1600}

        """,
    ]

    let folder: URL

    /// Writes the base catalog with `replacing` files swapped in (a nil text removes the file).
    init(replacing: [String: String?] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rio-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = CatalogFixture.base.mapValues { Optional($0) }
        for (k, v) in replacing { files[k] = v }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            guard let text else { continue }
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// Writes raw bytes as `name`.
    func write(_ data: Data, as name: String) throws {
        try data.write(to: folder.appendingPathComponent(name))
    }

    /// The diagnostics of loading the folder, with the folder prefix removed (`modules.yaml:3:5: ...`);
    /// empty when the catalog is valid.
    func problems() throws -> [String] {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try CatalogLoader.load(folder: folder.path)
            return []
        } catch RioError.invalidInput(let ds) {
            return ds.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    /// Loads a catalog with `replacing` files swapped in and returns its diagnostics.
    static func problems(_ replacing: [String: String?]) throws -> [String] {
        try CatalogFixture(replacing: replacing).problems()
    }
}
