import Foundation
import RioModel

@testable import RioPlanner

/// Seeded random plan requests over the fixture catalog: 3–15 demands, trainers and funding sources,
/// 0–5 blackouts of every kind, staffing caps, `delivered` entries; no pins.
///
/// The same seed always gives the same YAML, so a failing seed can be replayed and inspected.
struct RandomRequest {
    private var g: SeededGenerator

    static let modules = ["joint-3d", "online-1d", "pair-2d", "advanced"]
    static let maxParticipants = ["joint-3d": 30, "online-1d": 100, "pair-2d": 40, "advanced": 30]
    static let moduleLanguages = ["joint-3d": ["en", "fr"], "online-1d": ["en", "es"], "pair-2d": ["en", "fr"], "advanced": ["en"]]
    static let regions = ["africa", "weog"]
    static let orgs = ["UNCCD", "CBD", "UNFCCC", "FAO"]
    static let horizonStart = Day(year: 2027, month: 3, day: 1) ?? Day(number: 0)
    /// 13 weeks, Monday 2027-03-01 to Friday 2027-05-28.
    static let horizonDays = 89

    static func make(seed: UInt64) -> RequestSpec {
        var r = RandomRequest(g: SeededGenerator(seed: seed))
        return r.build(seed: seed)
    }

    private mutating func below(_ n: Int) -> Int { g.below(n) }
    private mutating func chance(_ p: Double) -> Bool { g.unit() < p }
    private mutating func pick(_ xs: [String]) -> String { xs[below(xs.count)] }
    /// A random non-empty (when `atLeastOne`) subset of `xs`, in `xs` order.
    private mutating func subset(_ xs: [String], atLeastOne: Bool = true) -> [String] {
        var out = xs.filter { _ in chance(0.5) }
        if out.isEmpty && atLeastOne { out = [pick(xs)] }
        return out
    }
    private func date(_ offset: Int) -> String { RandomRequest.horizonStart.adding(days: offset).iso }
    private func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }

    private mutating func build(seed: UInt64) -> RequestSpec {
        var spec = RequestSpec()
        spec.name = "rand-\(seed)"
        spec.horizon = (start: date(0), end: date(RandomRequest.horizonDays - 1))
        spec.funding = []

        for i in 0..<(3 + below(13)) {
            let m = pick(RandomRequest.modules)
            var e =
                "{id: d\(i), module: \(m), region: \(pick(RandomRequest.regions)), participants: \(1 + below(RandomRequest.maxParticipants[m] ?? 1)), priority: \(1 + below(5))"
            if chance(0.3) { e += ", languages: \(list(subset(RandomRequest.moduleLanguages[m] ?? ["en"])))" }
            if chance(0.4) {
                let a = below(70), b = min(RandomRequest.horizonDays - 1, a + below(35))
                e += ", earliest: \(date(a)), latest: \(date(b))"
            }
            spec.demand.append(e + "}")
        }

        for i in 0..<(3 + below(13)) {
            var e = "{id: t\(i), name: Trainer \(i), org: \(pick(RandomRequest.orgs)), home: \(pick(RandomRequest.regions))"
            e += ", languages: \(list(subset(["en", "fr", "es"]))), modules: \(list(subset(RandomRequest.modules)))"
            e += ", dayRate: \(below(9) * 100)"
            if chance(0.3) { e += ", maxDays: \(2 + below(15))" }
            if chance(0.3) {
                let a = below(RandomRequest.horizonDays)
                e += ", unavailable: [{start: \(date(a)), end: \(date(a + below(14)))}]"
            }
            spec.staff.append(e + "}")
        }

        for i in 0..<(3 + below(13)) {
            var e = "{id: s\(i), name: Source \(i), owner: \(pick(RandomRequest.orgs)), cap: \(below(30) * 1000 + below(1000))"
            if chance(0.3) { e += ", conventions: \(list(subset(["UNCCD", "CBD", "UNFCCC"])))" }
            if chance(0.3) { e += ", themes: \(list(subset(["land", "finance", "gender"])))" }
            if chance(0.3) { e += ", regions: [\(pick(RandomRequest.regions))]" }
            spec.funding.append(e + "}")
        }

        for i in 0..<below(6) {
            let a = below(RandomRequest.horizonDays)
            var e = "{name: Blackout \(i), start: \(date(a)), end: \(date(min(RandomRequest.horizonDays - 1, a + below(5))))"
            switch below(3) {
            case 0: break
            case 1: e += ", regions: [\(pick(RandomRequest.regions))]"
            default: e += ", orgs: [\(pick(RandomRequest.orgs))]"
            }
            spec.blackouts.append(e + "}")
        }

        for org in RandomRequest.orgs where chance(0.25) { spec.staffing.append("{org: \(org), maxDays: \(2 + below(20))}") }
        for region in RandomRequest.regions where chance(0.3) { spec.delivered.append("{module: online-1d, region: \(region)}") }
        return spec
    }
}
