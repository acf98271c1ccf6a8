import RioModel

/// What a person may do on the platform (serve.md): a coordinator publishes and manages access,
/// finance staff read workbooks, a region's office writes its own region's needs and records,
/// and a viewer reads.
public enum AccessRole: Sendable, Hashable, CustomStringConvertible {
    case coordinator, finance, viewer
    /// The office of a catalog region, e.g. `region:africa`.
    case region(String)

    /// Reads `coordinator`, `finance`, `viewer` or `region:ID`, where ID must be a region of
    /// `catalog`.
    ///
    /// - Throws: `RioError.usage` (exit 64) for an unknown role or region, listing the valid ones.
    public init(parsing text: String, catalog: Catalog) throws {
        if let role = AccessRole(stored: text), case .region(let id) = role {
            guard catalog.region(id) != nil else {
                let valid = catalog.regions.map { "region:\($0.id)" }.joined(separator: ", ")
                throw RioError.usage(
                    "`\(Diagnostic.visible(text))` names no region of the catalog; use one of: \(valid.isEmpty ? "(the catalog has no regions)" : valid)")
            }
            self = role
        } else if let role = AccessRole(stored: text) {
            self = role
        } else {
            let regions = catalog.regions.map { "region:\($0.id)" }
            throw RioError.usage(
                "unknown role `\(Diagnostic.visible(text))`; use one of: " + (["coordinator", "finance", "viewer"] + regions).joined(separator: ", "))
        }
    }

    /// A role as the database keeps it, without checking the region against a catalog; nil for
    /// text that names no role.
    init?(stored text: String) {
        switch text {
        case "coordinator": self = .coordinator
        case "finance": self = .finance
        case "viewer": self = .viewer
        default:
            guard text.hasPrefix("region:"), text.count > "region:".count else { return nil }
            self = .region(String(text.dropFirst("region:".count)))
        }
    }

    /// Whether `text` needs the catalog to be read: only a region role does.
    static func namesRegion(_ text: String) -> Bool { text.hasPrefix("region:") }

    /// `coordinator`, `finance`, `viewer` or `region:ID`.
    public var description: String {
        switch self {
        case .coordinator: return "coordinator"
        case .finance: return "finance"
        case .viewer: return "viewer"
        case .region(let id): return "region:\(id)"
        }
    }
}
