/// The rules one demand must keep against the catalog and the planning horizon, written once:
/// the plan request loader (YAML) and the needs intake (sheets and the web form) both check
/// them here and phrase the problems for their own readers.
public enum DemandRules {
    /// Whole numbers of participants a demand may ask for (before the module's maximum).
    public static let participants = 1...100_000
    /// Priorities, 1 (lowest) to 5.
    public static let priorities = 1...5
    /// The priority of a demand that gives none.
    public static let defaultPriority = 3

    /// One broken rule, with the field it concerns.
    public enum Problem: Sendable, Hashable {
        /// `module` names no catalog module.
        case unknownModule(String)
        /// `region` names no catalog region.
        case unknownRegion(String)
        /// `participants` is over the module's `maxParticipants`.
        case overMaximum(participants: Int, module: TrainingModule)
        /// `languages` is an empty list.
        case noLanguages
        /// Some (`all` false) or all (`all` true) of `languages` are not the module's.
        case languagesNotOffered([String], module: TrainingModule, all: Bool)
        /// `earliest` or `latest` (the field) lies outside the horizon.
        case outsideHorizon(field: String, day: Day, horizon: DayRange)
        /// `latest` is before `earliest`.
        case emptyWindow(earliest: Day, latest: Day)

        /// The demand field the problem is placed at.
        public var field: String {
            switch self {
            case .unknownModule: return "module"
            case .unknownRegion: return "region"
            case .overMaximum: return "participants"
            case .noLanguages, .languagesNotOffered: return "languages"
            case .outsideHorizon(let field, _, _): return field
            case .emptyWindow: return "latest"
            }
        }
    }

    /// Every rule the given fields break (a nil field was missing or unreadable and is not
    /// checked again), in field order.
    ///
    /// - Parameter horizon: the cycle's dates; nil when the request's horizon is itself broken.
    public static func problems(
        module moduleID: String?, region: String?, participants: Int?, languages: [String]?,
        earliest: Day?, latest: Day?, horizon: DayRange?, catalog: Catalog
    ) -> [Problem] {
        var out: [Problem] = []
        var module: TrainingModule?
        if let moduleID {
            module = catalog.module(moduleID)
            if module == nil { out.append(.unknownModule(moduleID)) }
        }
        if let region, catalog.region(region) == nil { out.append(.unknownRegion(region)) }
        if let module, let participants, participants > module.maxParticipants {
            out.append(.overMaximum(participants: participants, module: module))
        }
        if let module, let languages {
            if languages.isEmpty { out.append(.noLanguages) }
            let bad = languages.filter { !module.languages.contains($0) }
            if !bad.isEmpty { out.append(.languagesNotOffered(bad, module: module, all: bad.count == languages.count)) }
        }
        if let horizon {
            if let e = earliest, !horizon.contains(e) { out.append(.outsideHorizon(field: "earliest", day: e, horizon: horizon)) }
            if let l = latest, !horizon.contains(l) { out.append(.outsideHorizon(field: "latest", day: l, horizon: horizon)) }
        }
        if let e = earliest, let l = latest, l < e { out.append(.emptyWindow(earliest: e, latest: l)) }
        return out
    }
}
