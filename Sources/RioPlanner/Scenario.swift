import Foundation
import RioModel

/// A what-if change to a plan request, applied in memory: funding caps set or cut, trainers
/// taken off the staff.
public struct Scenario: Sendable, Hashable {
    /// A new cap for one funding source.
    public struct Cap: Sendable, Hashable {
        enum Change: Sendable, Hashable {
            /// The cap becomes this amount.
            case amount(Int)
            /// The cap changes by this many percent (-30 cuts it by 30%); rounded down to a whole unit.
            case percent(Double)
        }
        var source: String
        var change: Change

        /// Parses `SOURCE=AMOUNT` or `SOURCE=-30%` (also `+10%`, `250000`, `250,000`).
        public init?(_ text: String) {
            guard let eq = text.firstIndex(of: "=") else { return nil }
            let src = text[..<eq].trimmingCharacters(in: .whitespaces)
            var rhs = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            rhs = rhs.replacingOccurrences(of: "_", with: "")
            guard !src.isEmpty, !rhs.isEmpty else { return nil }
            source = src
            if rhs.hasSuffix("%") {
                guard let p = Double(rhs.dropLast()), p.isFinite, p >= -100 else { return nil }
                change = .percent(p)
            } else {
                guard let v = Int(rhs), v >= 0 else { return nil }
                change = .amount(v)
            }
        }

        init(source: String, change: Change) { self.source = source; self.change = change }

        /// The cap after the change.
        func apply(to cap: Int) -> Int {
            switch change {
            case .amount(let v): return v
            case .percent(let p): return max(0, Int((Double(cap) * (100 + p) / 100).rounded(.down)))
            }
        }
    }

    var caps: [Cap]
    /// Trainer ids removed from the staff.
    var withoutTrainers: [String]

    public init(caps: [Cap] = [], withoutTrainers: [String] = []) {
        self.caps = caps; self.withoutTrainers = withoutTrainers
    }

    /// One line per change, in words, e.g. `gef-ccb cap 1,395,700 -> 976,990`.
    public func describe(_ request: PlanRequest) -> [String] {
        var out: [String] = []
        for c in caps {
            guard let s = request.source(c.source) else { continue }
            out.append("\(c.source) cap \(Money.text(s.cap)) -> \(Money.text(c.apply(to: s.cap))) \(request.currency)")
        }
        for t in withoutTrainers { out.append("without trainer \(t)" + (request.trainer(t).map { " (\($0.name))" } ?? "")) }
        return out
    }

    /// The request with the changes made.
    ///
    /// - Throws: `RioError.usage` naming an unknown source or trainer, with the closest known id.
    public func apply(to request: PlanRequest) throws -> PlanRequest {
        var r = request
        for c in caps {
            guard let i = r.funding.firstIndex(where: { $0.id == c.source }) else {
                throw RioError.usage(Scenario.unknown(c.source, kind: "funding source", known: r.funding.map(\.id)))
            }
            r.funding[i].cap = c.apply(to: r.funding[i].cap)
        }
        for t in withoutTrainers {
            guard r.staff.contains(where: { $0.id == t }) else {
                throw RioError.usage(Scenario.unknown(t, kind: "trainer", known: r.staff.map(\.id)))
            }
            r.staff.removeAll { $0.id == t }
            // A pin naming the trainer keeps its date and venue; the solver picks other trainers.
            for k in r.pinned.indices { r.pinned[k].trainers?.removeAll { $0 == t } }
            for k in r.pinned.indices where r.pinned[k].trainers?.isEmpty == true { r.pinned[k].trainers = nil }
        }
        return r
    }

    static func unknown(_ bad: String, kind: String, known: [String]) -> String {
        Suggestion.unknown(bad, kind: kind, known: known.sorted(), place: " in the request")
    }
}
