// Placeholder until branch `access` lands Access.swift: the contract's declarations only
// (no parsing). Dropped at merge in favour of the real file.

/// What a person may do on the platform.
public enum AccessRole: Sendable, Hashable, CustomStringConvertible {
    case coordinator, finance, viewer
    /// A regional office: a catalog region id, e.g. `region:africa`.
    case region(String)

    /// `coordinator`, `region:africa`.
    public var description: String {
        switch self {
        case .coordinator: return "coordinator"
        case .finance: return "finance"
        case .viewer: return "viewer"
        case .region(let id): return "region:\(id)"
        }
    }
}

/// A signed-in person: name and role.
public struct Principal: Sendable, Hashable {
    public var name: String
    public var role: AccessRole

    /// A person with a role.
    public init(name: String, role: AccessRole) { self.name = name; self.role = role }
}
