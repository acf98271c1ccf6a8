import RioWorkspace

/// An area of the platform, which the role matrix opens to some roles.
public enum PlatformArea: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Published plans, their region pages and the API's plan reads.
    case pages
    /// Co-financing workbooks (XLSX, CSV).
    case workbooks
    /// Needs intake: read and submit a cycle's needs.
    case needs
    /// Delivery records: upload sign-in sheets and outcomes.
    case records
    /// Publishing a recorded plan version.
    case publish
    /// Listing, adding and revoking access.
    case access

    public var description: String {
        switch self {
        case .pages: return "the published plans"
        case .workbooks: return "the co-financing workbooks"
        case .needs: return "needs intake"
        case .records: return "delivery records"
        case .publish: return "publishing"
        case .access: return "access management"
        }
    }
}

/// The role matrix (serve.md, Access): which role may use which area.
///
/// A region office's own-region limit inside needs and records is the workspace's rule
/// (`submitNeeds`, `uploadAttendance`…), applied where the rows are read; this matrix only opens
/// or closes whole areas.
public enum AccessPolicy {
    public static func allows(_ role: AccessRole, _ area: PlatformArea) -> Bool {
        switch (role, area) {
        case (_, .pages): return true
        case (.coordinator, _): return true
        case (.finance, .workbooks): return true
        case (.region, .needs), (.region, .records): return true
        default: return false
        }
    }
}
