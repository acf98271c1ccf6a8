import Foundation
import RioModel
import Testing

@testable import RioWorkspace

/// Access tokens (serve.md, Access): issued once, stored as keyed hashes, checked in constant
/// time, revoked at once.
@Suite struct AccessTests {
    @Test func rolesParseAndUnknownOnesListTheValidOnes() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let catalog = try ws.catalog()
        #expect(try AccessRole(parsing: "coordinator", catalog: catalog) == .coordinator)
        #expect(try AccessRole(parsing: "finance", catalog: catalog) == .finance)
        #expect(try AccessRole(parsing: "viewer", catalog: catalog) == .viewer)
        #expect(try AccessRole(parsing: "region:africa", catalog: catalog) == .region("africa"))
        #expect(AccessRole.region("weog").description == "region:weog")
        #expect(
            problem { _ = try AccessRole(parsing: "region:mars", catalog: catalog) }
                == "`region:mars` names no region of the catalog; use one of: region:africa, region:weog")
        #expect(
            problem { _ = try AccessRole(parsing: "admin", catalog: catalog) }
                == "unknown role `admin`; use one of: coordinator, finance, viewer, region:africa, region:weog")
        #expect(problem { _ = try AccessRole(parsing: "region:", catalog: catalog) }.hasPrefix("unknown role `region:`"))
        // A plain role needs no catalog: the workspace's folder may be missing.
        let bare = Workspace(catalogFolder: f.dir.appendingPathComponent("none").path, databasePath: f.database)
        #expect(try bare.accessRole("finance") == .finance)
    }

    @Test func tokensRoundTripAndOpenOnlyTheirOwnDoor() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let issued = try ws.addAccess(name: "Africa office", role: .region("africa"))
        #expect(issued.signInToken.hasPrefix("rps_") && issued.feedToken.hasPrefix("rpf_"))
        #expect(issued.signInToken.count == 60 && issued.feedToken.count == 60)
        #expect(issued.signInToken.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(issued.feedPath == "/feeds/\(issued.feedToken)/")
        let office = Principal(name: "Africa office", role: .region("africa"))
        #expect(try ws.principal(signInToken: issued.signInToken) == office)
        #expect(try ws.principal(feedToken: issued.feedToken) == office)
        // Each token opens its own door only.
        #expect(try ws.principal(feedToken: issued.signInToken) == nil)
        #expect(try ws.principal(signInToken: issued.feedToken) == nil)
        // Another process (a new workspace on the same database) knows the tokens too.
        #expect(try f.workspace().principal(signInToken: issued.signInToken) == office)
        let other = try ws.addAccess(name: "Coordinator", role: .coordinator)
        #expect(other.signInToken != issued.signInToken)
        #expect(try ws.principal(signInToken: other.signInToken)?.role == .coordinator)
    }

    @Test func malformedTokensAreNilNeverAnError() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        // Before any database exists, nothing is created by a lookup.
        #expect(try ws.principal(signInToken: "rps_" + String(repeating: "a", count: 56)) == nil)
        #expect(!FileManager.default.fileExists(atPath: f.database))
        let issued = try ws.addAccess(name: "Finance", role: .finance)
        let t = issued.signInToken
        let wrongSecret = String(t.dropLast()) + (t.hasSuffix("0") ? "1" : "0")
        let samples = [
            "", "rps_", "rps", "Bearer " + t, "rpf_" + t.dropFirst(4), t.uppercased(), "rps_" + t.dropFirst(4).uppercased(), " " + t, t + " ",
            t + "0", String(t.dropLast()), wrongSecret, "rps_" + String(repeating: "z", count: 56), "rps_" + String(repeating: "é", count: 28),
            "rps_\u{0}" + String(repeating: "a", count: 55), String(repeating: "rps_", count: 250_000), String(repeating: "a", count: 1_000_000),
        ]
        for s in samples {
            #expect(try ws.principal(signInToken: s) == nil, "\(s.prefix(80))")
            #expect(try ws.principal(feedToken: s) == nil, "\(s.prefix(80))")
            #expect(try ws.webSession(cookie: s) == nil)
            #expect(try ws.openWebSession(signInToken: s) == nil)
            try ws.closeWebSession(cookie: s)
        }
        #expect(try ws.principal(signInToken: t) != nil)
    }

    @Test func revokingEndsSignInFeedAndEverySessionAtOnce() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let office = try ws.addAccess(name: "Africa office", role: .region("africa"))
        let keep = try ws.addAccess(name: "WEOG office", role: .region("weog"))
        let first = try #require(try ws.openWebSession(signInToken: office.signInToken))
        let second = try #require(try ws.openWebSession(signInToken: office.signInToken))
        let kept = try #require(try ws.openWebSession(signInToken: keep.signInToken))
        #expect(try ws.webSession(cookie: first.cookie) != nil)
        // The server holds its own workspace: revocation through another one reaches it at once.
        let server = f.workspace()
        #expect(try server.principal(feedToken: office.feedToken) != nil)
        let revoked = try ws.revokeAccess(name: "Africa office")
        #expect(revoked.revokedAt != nil && revoked.role == .region("africa"))
        #expect(try server.principal(signInToken: office.signInToken) == nil)
        #expect(try server.principal(feedToken: office.feedToken) == nil)
        #expect(try server.webSession(cookie: first.cookie) == nil)
        #expect(try server.webSession(cookie: second.cookie) == nil)
        #expect(try server.openWebSession(signInToken: office.signInToken) == nil)
        // Others keep theirs.
        #expect(try server.principal(feedToken: keep.feedToken)?.name == "WEOG office")
        #expect(try server.webSession(cookie: kept.cookie)?.principal.name == "WEOG office")
        // Revoked twice, or never there: an error listing who has access.
        #expect(problem { try ws.revokeAccess(name: "Africa office") } == "no one named Africa office has access; names with access: WEOG office")
        #expect(problem { try ws.revokeAccess(name: "Nobody") } == "no one named Nobody has access; names with access: WEOG office")
    }

    @Test func aLiveNameIsUniqueAndComesBackAfterRevocation() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        let old = try ws.addAccess(name: "Africa office", role: .region("africa"))
        #expect(
            problem { _ = try ws.addAccess(name: "Africa office", role: .viewer) }
                == "Africa office has access already; to issue new tokens or change the role, run `rioplan access revoke 'Africa office'` first, then add again")
        #expect(problem { _ = try ws.addAccess(name: "  ", role: .viewer) }.hasPrefix("give the person's name"))
        #expect(problem { _ = try ws.addAccess(name: "two\nlines", role: .viewer) }.hasPrefix("give the person's name"))
        try ws.revokeAccess(name: "Africa office")
        let new = try ws.addAccess(name: "Africa office", role: .viewer)
        #expect(try ws.principal(signInToken: old.signInToken) == nil)
        #expect(try ws.principal(signInToken: new.signInToken)?.role == .viewer)
        _ = try ws.addAccess(name: "Budget unit", role: .finance)
        let entries = try ws.accessEntries()
        #expect(entries.map(\.name) == ["Africa office", "Africa office", "Budget unit"])
        #expect(entries.map(\.isLive) == [false, true, true])
        #expect(entries.map(\.role) == [.region("africa"), .viewer, .finance])
        // Only the new viewer's token was used.
        #expect(entries.map { $0.lastSeenAt != nil } == [false, true, false])
    }

    @Test func theDatabaseHoldsNoTokenText() throws {
        let f = try WorkspaceFixture(), ws = f.workspace()
        var secrets: [String] = []
        for (i, role) in [AccessRole.coordinator, .finance, .viewer, .region("africa")].enumerated() {
            let issued = try ws.addAccess(name: "Person \(i)", role: role)
            let session = try #require(try ws.openWebSession(signInToken: issued.signInToken))
            _ = try ws.principal(feedToken: issued.feedToken)
            secrets += [issued.signInToken, issued.feedToken, session.cookie, session.session.csrfToken]
            // The secret halves (after the prefix and the 16-digit selector) on their own.
            secrets += [issued.signInToken, issued.feedToken, session.cookie].map { String($0.dropFirst(20)) }
        }
        try ws.revokeAccess(name: "Person 3")
        // Every byte of the database and its journal: every table, index and free page.
        let folder = URL(fileURLWithPath: f.database).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("rioplan.sqlite"))
        var bytes = Data()
        for name in files { bytes += try Data(contentsOf: folder.appendingPathComponent(name)) }
        for s in secrets {
            #expect(bytes.range(of: Data(s.utf8)) == nil, "a token's text is in the database")
            #expect(bytes.range(of: Data(s.uppercased().utf8)) == nil)
        }
    }

    @Test func constantTimeComparisonComparesEveryByte() {
        #expect(AccessToken.equalInConstantTime("h:abc", "h:abc"))
        #expect(!AccessToken.equalInConstantTime("h:abc", "h:abd"))
        #expect(!AccessToken.equalInConstantTime("x:abc", "h:abc"))
        #expect(!AccessToken.equalInConstantTime("h:abc", "h:abcd"))
        #expect(!AccessToken.equalInConstantTime("", "h"))
    }
}

/// The message of the `RioError` `body` throws, or what went wrong instead.
func problem(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "(no error)"
    } catch let e as RioError {
        return e.description
    } catch {
        return "\(error)"
    }
}

/// Stored times: ISO 8601 as the history's, read back to the second.
@Suite struct AccessStampTests {
    @Test func stampsRoundTripToTheSecond() {
        let t = Date(timeIntervalSince1970: 1_800_000_000.7)
        #expect(Workspace.stamp(t) == "2027-01-15T08:00:00Z")
        #expect(Workspace.stamp(t) == ISO8601DateFormatter().string(from: t))
        #expect(Workspace.date(stamp: "2027-01-15T08:00:00Z") == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(Workspace.date(stamp: "2027-01-15") == nil && Workspace.date(stamp: "") == nil)
        #expect(Workspace.stamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
