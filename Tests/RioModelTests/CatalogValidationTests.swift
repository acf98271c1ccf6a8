import Testing

@testable import RioModel

/// One test per catalog validation rule (catalog-format.md): a small broken fixture in, the exact
/// `file:line:col: what; what to do` out.
@Suite struct CatalogValidationTests {
    @Test func baseFixtureIsValid() throws {
        #expect(try CatalogFixture.problems([:]) == [])
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let p = try CatalogFixture.problems([
            "conventions.yaml": """
            conventions:
              - id: UNCCD
                name: Desertification
                secretariatt: Bonn
              - id: CBD
                name: Biodiversity
            """
        ])
        #expect(p == ["conventions.yaml:4:5: unknown key `secretariatt` in a convention; did you mean `secretariat`?"])
    }

    @Test func unknownTopLevelKey() throws {
        let p = try CatalogFixture.problems(["extra.yaml": "modulez: []\n"])
        #expect(p == ["extra.yaml:1:1: unknown key `modulez` in a catalog file; did you mean `modules`?"])
    }

    @Test func wrongType() throws {
        let p = try CatalogFixture.problems([
            "conventions.yaml": """
            conventions:
              - id: UNCCD
                name: [Desertification]
              - id: CBD
                name: Biodiversity
            """
        ])
        #expect(p == ["conventions.yaml:3:11: `name` of a convention must be text, found a list; write text here"])
    }

    @Test func missingField() throws {
        let p = try CatalogFixture.problems([
            "conventions.yaml": """
            conventions:
              - id: UNCCD
              - id: CBD
                name: Biodiversity
            """
        ])
        #expect(p == ["conventions.yaml:2:5: a convention has no `name`; add `name: ...`"])
    }

    @Test func danglingThemeParent() throws {
        let p = try CatalogFixture.problems([
            "themes.yaml": """
            themes:
              - id: gender
                label: Gender
              - id: finance
                label: Finance
                parent: gendr
            """
        ])
        #expect(p == ["themes.yaml:4:5: theme `finance` has parent `gendr`, which is not a theme; did you mean `gender`?"])
    }

    @Test func danglingMandateConvention() throws {
        let p = try CatalogFixture.problems([
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
                convention: UNFCCC
                symbol: "15/8"
                title: Capacity-building and development
                year: 2022
                themes: [gender, finance]
                summary: Asks for more training.
            """
        ])
        #expect(p == ["mandates.yaml:9:5: mandate `m-cbd` names convention `UNFCCC`, which is not in `conventions`; did you mean `UNCCD`?"])
    }

    @Test func danglingMandateTheme() throws {
        let p = try CatalogFixture.problems([
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
                themes: [gender, financ]
                summary: Asks for more training.
            """
        ])
        #expect(p == ["mandates.yaml:9:5: mandate `m-cbd` names theme `financ`, which is not a theme; did you mean `finance`?"])
    }

    @Test func danglingModuleThemeMandateAndPrerequisite() throws {
        let p = try CatalogFixture.problems([
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
                themes: [finanse]
                mandates: [m-cbdd]
                delivery: in-person
                days: 3
                languages: [en]
                maxParticipants: 25
                prerequisites: [intra]
            """
        ])
        #expect(
            p == [
                "modules.yaml:10:5: module `advanced` has prerequisite `intra`, which is not a module; did you mean `intro`?",
                "modules.yaml:10:5: module `advanced` names theme `finanse`, which is not a theme; did you mean `finance`?",
                "modules.yaml:10:5: module `advanced` serves mandate `m-cbdd`, which is not in the catalog; did you mean `m-cbd`?",
            ])
    }

    @Test func danglingTravelRegion() throws {
        let p = try CatalogFixture.problems(["travel.yaml": "travel:\n  - {from: weog, to: afrika, cost: 900}\n"])
        #expect(p == ["travel.yaml:2:5: travel names region `afrika`, which is not a region; did you mean `africa`?"])
    }

    @Test func duplicateIDs() throws {
        let p = try CatalogFixture.problems([
            "z-themes.yaml": """
            themes:
              - id: gender
                label: Gender again
            """
        ])
        #expect(p == ["z-themes.yaml:2:5: theme id `gender` is used twice (first at themes.yaml:2:5); give each theme its own id"])
    }

    @Test func prerequisiteCycle() throws {
        let p = try CatalogFixture.problems([
            "modules.yaml": """
            modules:
              - id: intro
                title: Introduction
                themes: [gender]
                mandates: [m-unccd]
                delivery: online
                days: 1
                languages: [en]
                maxParticipants: 30
                prerequisites: [advanced]
              - id: advanced
                title: Advanced
                themes: [finance]
                mandates: [m-cbd]
                delivery: online
                days: 3
                languages: [en]
                maxParticipants: 25
                prerequisites: [intro]
            """
        ])
        #expect(
            p == [
                "modules.yaml:2:5: prerequisites form a cycle: intro -> advanced -> intro; "
                    + "remove one of these prerequisites so that the modules can be ordered"
            ])
    }

    @Test func daysOutOfRange() throws {
        let p = try CatalogFixture.problems(["modules.yaml": moduleWith(days: "6")])
        #expect(p == ["modules.yaml:6:11: `days` is 6; it must be a whole number of days from 1 to 5; correct the number"])
        let zero = try CatalogFixture.problems(["modules.yaml": moduleWith(days: "0")])
        #expect(zero == ["modules.yaml:6:11: `days` is 0; it must be a whole number of days from 1 to 5; correct the number"])
    }

    @Test func trainersAtLeastOne() throws {
        let p = try CatalogFixture.problems(["modules.yaml": moduleWith(extra: "trainers: 0")])
        #expect(p == ["modules.yaml:9:15: `trainers` is 0; it must be a whole number from 1 to 20; correct the number"])
        let many = try CatalogFixture.problems(["modules.yaml": moduleWith(extra: "trainers: 25")])
        #expect(many == ["modules.yaml:9:15: `trainers` is 25; it must be a whole number from 1 to 20; correct the number"])
    }

    @Test func negativeMoney() throws {
        let p = try CatalogFixture.problems(["modules.yaml": moduleWith(extra: "materialsPerParticipant: -40")])
        #expect(p == ["modules.yaml:9:30: `materialsPerParticipant` is -40; it must be a whole number, 0 or more; correct the number"])
        let travel = try CatalogFixture.problems([
            "regions.yaml": CatalogFixture.base["regions.yaml", default: ""]
                .replacingOccurrences(of: "cost: 1600", with: "cost: -1600")
        ])
        #expect(travel == ["regions.yaml:22:36: `cost` is -1600; it must be a whole number, 0 or more; correct the number"])
    }

    @Test func missingTravelPair() throws {
        let p = try CatalogFixture.problems([
            "asia.yaml": """
            regions:
              - id: asia
                name: Asia-Pacific
                timezone: Asia/Bangkok
                dsaPerDay: 240
                participantTravel: 950
                localTravel: 350
            travel:
              - {from: asia, to: africa, cost: 1100}
            """
        ])
        // asia.yaml is read first (files are read in name order), so asia is the first region.
        #expect(p == ["asia.yaml:9:5: no travel cost between `asia` and `weog`; add `- {from: asia, to: weog, cost: ...}` under `travel:`"])
    }

    @Test func doubledTravelPair() throws {
        let p = try CatalogFixture.problems(["travel.yaml": "travel:\n  - {from: africa, to: weog, cost: 1500}\n"])
        #expect(
            p == [
                "travel.yaml:2:5: travel between `africa` and `weog` is given twice (first at regions.yaml:22:5); "
                    + "keep one entry per pair; travel is symmetric"
            ])
    }

    @Test func moduleWithoutMandateThemeOrLanguage() throws {
        let p = try CatalogFixture.problems([
            "modules.yaml": """
            modules:
              - id: intro
                title: Introduction
                themes: []
                mandates: []
                delivery: online
                days: 1
                languages: []
                maxParticipants: 30
            """
        ])
        #expect(
            p == [
                "modules.yaml:2:5: module `intro` lists no language; list at least one ISO 639-1 language, e.g. en",
                "modules.yaml:2:5: module `intro` lists no mandate; list at least one mandate it serves",
                "modules.yaml:2:5: module `intro` lists no theme; list at least one theme",
            ])
    }

    @Test func everyProblemInTwoFilesIsReportedInOneRun() throws {
        let p = try CatalogFixture.problems([
            "conventions.yaml": """
            conventions:
              - id: UNCCD
                name: Desertification
                secretariatt: Bonn
              - id: CBD
            """,
            "modules.yaml": moduleWith(days: "9").replacingOccurrences(of: "[m-unccd]", with: "[m-unccd, m-unfccc]"),
        ])
        // The module with a bad `days` still has its mandates checked; the convention without a name
        // still counts as a convention for the mandates that name it.
        #expect(
            p == [
                "conventions.yaml:4:5: unknown key `secretariatt` in a convention; did you mean `secretariat`?",
                "conventions.yaml:5:5: a convention has no `name`; add `name: ...`",
                "modules.yaml:2:5: module `intro` serves mandate `m-unfccc`, which is not in the catalog; did you mean `m-unccd`?",
                "modules.yaml:6:11: `days` is 9; it must be a whole number of days from 1 to 5; correct the number",
            ])
    }

    /// A one-module file with `days` and an extra `key: value` line (line 9).
    private func moduleWith(days: String = "2", extra: String = "partners: [FAO]") -> String {
        """
        modules:
          - id: intro
            title: Introduction
            themes: [gender]
            mandates: [m-unccd]
            days: \(days)
            delivery: online
            languages: [en]
            \(extra)
            maxParticipants: 30

        """
    }
}
