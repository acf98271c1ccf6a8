import RioWorkspace

/// What every page's top bar shows: who is signed in, their CSRF token for the forms, and the
/// links their role opens.
struct PageLayout: Sendable {
    var title: String
    var signedIn: Bool
    var who: String
    var role: String
    var csrf: String
    var canNeeds: Bool
    var canPublish: Bool
    var canAccess: Bool
    var canWorkbooks: Bool

    init(title: String, caller: Caller?) {
        self.title = title
        signedIn = caller != nil
        who = caller?.principal.name ?? ""
        role = caller.map { $0.principal.role.description } ?? ""
        csrf = caller?.csrfToken ?? ""
        let role = caller?.principal.role
        canNeeds = caller != nil  // the workspace refuses finance and viewers with its own message
        canPublish = role.map { AccessPolicy.allows($0, .publish) } ?? false
        canAccess = role.map { AccessPolicy.allows($0, .access) } ?? false
        canWorkbooks = role.map { AccessPolicy.allows($0, .workbooks) } ?? false
    }
}

/// Row and field problems shown next to the form that caused them.
struct ProblemList: Sendable {
    struct Line: Sendable { var text: String }
    var message: String
    var problems: [Line]

    init(_ failure: PlatformFailure) {
        message = failure.message
        problems = failure.problems.map { Line(text: $0) }
    }
}
