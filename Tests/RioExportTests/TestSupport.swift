import RioModel

/// Small helpers shared by the export tests.
enum RioModelDay {
    static func make(_ iso: String) -> Day? { Day(iso: iso) }
}
