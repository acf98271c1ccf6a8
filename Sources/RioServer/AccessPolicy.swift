import RioWorkspace

/// An area of the platform, which the role matrix opens to some roles.
public enum PlatformArea: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Published plans, their region pages and the API's plan reads.
    case pages
    /// Co-financing workbooks (XLSX, CSV).
    case workbooks
    /// Publishing a recorded plan version.
    case publish
    /// Listing, adding and revoking access.
    case access

    public var description: String {
        switch self {
        case .pages: return "the published plans"
        case .workbooks: return "the co-financing workbooks"
        case .publish: return "publishing"
        case .access: return "access management"
        }
    }
}

/// The role matrix (serve.md, Access) for the areas the workspace does not guard itself:
/// reading, workbooks, publishing and access management.
///
/// Needs and records are not here: the workspace's own rule (`submitNeeds`, `needs`,
/// `uploadAttendance`, `sessionsVisible`…) refuses finance and viewers (403) and keeps a region
/// office to its own region (404, or a row error), so the server only asks for a signed-in
/// caller there (`PlatformContext.signedIn()`).
public enum AccessPolicy {
    public static func allows(_ role: AccessRole, _ area: PlatformArea) -> Bool {
        switch (role, area) {
        case (_, .pages): return true
        case (.coordinator, _): return true
        case (.finance, .workbooks): return true
        default: return false
        }
    }
}
