import Foundation
import RioExport
import RioModel
import RioStore

/// Someone the platform knows: a name given access, and what they may do.
public struct Principal: Sendable, Hashable {
    public var name: String
    public var role: AccessRole

    public init(name: String, role: AccessRole) { self.name = name; self.role = role }
}

/// The two secrets `rioplan access add` prints once: nothing can show them again.
public struct IssuedAccess: Sendable {
    public var name: String
    public var role: AccessRole
    /// `rps_` and 56 hex digits: signs a person in, or authorises a script (`Bearer`).
    public var signInToken: String
    /// `rpf_` and 56 hex digits: opens calendar feeds and nothing else.
    public var feedToken: String

    /// The person's feed folder: a plan's calendar is `FEEDPATH` + `NAME.ics`.
    public var feedPath: String { "/feeds/\(feedToken)/" }

    /// The command that ends this access, the name quoted for a shell when needed.
    public var revokeCommand: String { "rioplan access revoke \(Workspace.shellWord(name))" }
}

/// One line of `rioplan access list`: a person given access, live or revoked.
public struct AccessEntry: Sendable, Hashable {
    public var name: String
    public var role: AccessRole
    public var createdAt: Date
    /// When access was revoked; nil while live.
    public var revokedAt: Date?
    /// When a token or session of the person was last used (to within a minute).
    public var lastSeenAt: Date?

    /// Whether the entry's tokens still work.
    public var isLive: Bool { revokedAt == nil }
}

extension Workspace {
    /// Gives `name` access with `role`: two new tokens, stored as keyed hashes only.
    ///
    /// - Throws: `RioError.usage` for an empty or unprintable name; `RioError.data` (exit 65)
    ///   when a live entry has the name already (revoke it first to issue new tokens or change
    ///   the role).
    public func addAccess(name: String, role: AccessRole, at now: Date = Date()) throws -> IssuedAccess {
        let name = try Workspace.accessName(name)
        let hash = try accessHash()
        let signIn = AccessToken.random(.signIn), feed = AccessToken.random(.feed)
        let record = AppDatabase.AccessRecord(
            name: name, role: role.description, signInSelector: signIn.selector, signInMAC: signIn.mac(hash),
            feedSelector: feed.selector, feedMAC: feed.mac(hash), createdAt: Workspace.stamp(now))
        guard try database().insertAccess(record) != nil else {
            throw RioError.data(
                "\(name) has access already; to issue new tokens or change the role, run `rioplan access revoke \(Workspace.shellWord(name))` first, then add again"
            )
        }
        return IssuedAccess(name: name, role: role, signInToken: signIn.text, feedToken: feed.text)
    }

    /// Reads a role as `rioplan access add --role` gives it, loading the catalog only for a
    /// region's role.
    ///
    /// - Throws: `RioError.usage` for an unknown role or region (listing the valid ones).
    public func accessRole(_ text: String) throws -> AccessRole {
        if !AccessRole.namesRegion(text), let role = AccessRole(stored: text) { return role }
        return try AccessRole(parsing: text, catalog: catalog())
    }

    /// Every entry, live and revoked, by name (then by when it was created); empty without a
    /// workspace database.
    ///
    /// - Throws: `RioError.data` when the database holds a role RioPlan does not know.
    public func accessEntries() throws -> [AccessEntry] {
        guard let db = try existingDatabase() else { return [] }
        return try db.accessRecords().map { r in
            guard let role = AccessRole(stored: r.role) else {
                throw RioError.data(
                    "the workspace database gives \(r.name) the unknown role `\(r.role)`; revoke the entry and add it again")
            }
            return AccessEntry(
                name: r.name, role: role, createdAt: Workspace.date(stamp: r.createdAt) ?? Date(timeIntervalSince1970: 0),
                revokedAt: r.revokedAt.flatMap(Workspace.date(stamp:)), lastSeenAt: r.lastSeenAt.flatMap(Workspace.date(stamp:)))
        }
    }

    /// Revokes `name`'s access: both tokens and every web session of the person stop working at
    /// once (one transaction; the server checks the database on every request).
    ///
    /// - Returns: the entry as revoked.
    /// - Throws: `RioError.data` (exit 65) when no live entry has the name, listing the names
    ///   that have access.
    @discardableResult
    public func revokeAccess(name: String, at now: Date = Date()) throws -> AccessEntry {
        let db = try requireDatabase("no workspace database yet, so no one has access; `rioplan access add` gives access")
        guard let r = try db.revokeAccess(name: name, at: Workspace.stamp(now)) else {
            let live = try accessEntries().filter(\.isLive).map(\.name)
            throw RioError.data(
                "no one named \(Diagnostic.visible(name)) has access"
                    + (live.isEmpty ? "; no one has access now" : "; names with access: \(live.joined(separator: ", "))"))
        }
        return AccessEntry(
            name: r.name, role: AccessRole(stored: r.role) ?? .viewer, createdAt: Workspace.date(stamp: r.createdAt) ?? now, revokedAt: now,
            lastSeenAt: r.lastSeenAt.flatMap(Workspace.date(stamp:)))
    }

    /// The live person a sign-in token (or `Bearer` token) belongs to; nil when the token is
    /// unknown, malformed or revoked. Never throws on the token's text.
    public func principal(signInToken: String) throws -> Principal? {
        try liveAccess(signInToken, .signIn)?.principal
    }

    /// The live person a feed token belongs to; nil when the token is unknown, malformed or
    /// revoked. A feed token opens calendar feeds only: the caller must not take it for more.
    public func principal(feedToken: String) throws -> Principal? {
        try liveAccess(feedToken, .feed)?.principal
    }

    /// The live person a feed token belongs to and the latest publication of `name` (nil when
    /// nothing is published under it), in one database read: what a feed request needs. Nil
    /// when the token is unknown, malformed or revoked.
    public func feedAccess(feedToken: String, name: String) throws -> (principal: Principal, latest: Publication?)? {
        guard let token = AccessToken(parsing: feedToken, kind: .feed), let db = try existingDatabase(),
            let hash = try existingAccessHash(db)
        else { return nil }
        let (record, latest) = try db.feedLookup(feedSelector: token.selector, name: name)
        guard let checked = try checked(token, .feed, record: record, hash: hash, db: db, now: Date()) else { return nil }
        return (checked.principal, latest.map(Publication.init))
    }

    /// The live entry a token names, checked: its keyed hash compared in constant time with
    /// the stored one. Notes when the person was last seen.
    func liveAccess(_ text: String, _ kind: AccessToken.Kind, now: Date = Date()) throws -> (
        record: AppDatabase.AccessRecord, principal: Principal
    )? {
        guard let token = AccessToken(parsing: text, kind: kind), let db = try existingDatabase(),
            let hash = try existingAccessHash(db)
        else { return nil }
        let found = kind == .signIn ? try db.liveAccess(signInSelector: token.selector) : try db.liveAccess(feedSelector: token.selector)
        return try checked(token, kind, record: found, hash: hash, db: db, now: now)
    }

    /// `record` (the live entry of the token's selector) when the token's keyed hash matches
    /// the stored one, compared in constant time; notes when the person was last seen.
    func checked(
        _ token: AccessToken, _ kind: AccessToken.Kind, record: AppDatabase.AccessRecord?, hash: KeyedHash, db: AppDatabase, now: Date
    ) throws -> (record: AppDatabase.AccessRecord, principal: Principal)? {
        guard let record, let role = AccessRole(stored: record.role) else { return nil }
        let stored = kind == .signIn ? record.signInMAC : record.feedMAC
        guard AccessToken.equalInConstantTime(token.mac(hash), stored) else { return nil }
        try noteSeen(record, now: now, in: db)
        return (record, Principal(name: record.name, role: role))
    }

    /// Writes `lastSeenAt` at most once a minute per person, so a busy feed reads only.
    func noteSeen(_ record: AppDatabase.AccessRecord, now: Date, in db: AppDatabase) throws {
        let staleBefore = Workspace.stamp(now.addingTimeInterval(-60))
        guard let id = record.id, (record.lastSeenAt ?? "") < staleBefore else { return }
        try db.touchAccess(id: id, at: Workspace.stamp(now), staleBefore: staleBefore)
    }

    /// The keyed hash under the workspace's access key, created on first use.
    func accessHash() throws -> KeyedHash {
        if let hash = cache.withLock({ $0.accessKey }) { return hash }
        let hash = KeyedHash(key: try database().accessSecret())
        cache.withLock { $0.accessKey = hash }
        return hash
    }

    /// The keyed hash under the access key, or nil when no key was ever created (then no token
    /// was ever issued).
    func existingAccessHash(_ db: AppDatabase) throws -> KeyedHash? {
        if let hash = cache.withLock({ $0.accessKey }) { return hash }
        guard let key = try db.existingAccessSecret() else { return nil }
        let hash = KeyedHash(key: key)
        cache.withLock { $0.accessKey = hash }
        return hash
    }

    /// A person's name as given, trimmed; it is shown in lists and logs, so it must be one
    /// printable line.
    ///
    /// - Throws: `RioError.usage` for an empty, over-long or unprintable name.
    static func accessName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, Diagnostic.visible(name) == name else {
            throw RioError.usage("give the person's name as one line of at most 100 characters, e.g. \"Africa office\"")
        }
        return name
    }

    /// `name`, quoted for a shell when it holds anything but letters, digits, `-`, `_` and `.`.
    static func shellWord(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.@".unicodeScalars.contains($0) }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A time as the access and publishing tables keep it: ISO 8601, UTC, whole seconds
    /// (`2027-01-15T08:00:00Z`, as `planRun.createdAt`), without a date formatter: this runs on
    /// every authorised request.
    static func stamp(_ date: Date) -> String {
        let basic = Array(ICalendar.utcStamp(date))  // 20270115T080000Z
        guard basic.count == 16 else { return String(basic) }
        return String(basic[0..<4]) + "-" + String(basic[4..<6]) + "-" + String(basic[6..<11]) + ":" + String(basic[11..<13]) + ":"
            + String(basic[13..<16])
    }

    /// A stored time, nil when it is not `YYYY-MM-DDTHH:MM:SSZ`.
    static func date(stamp text: String) -> Date? { text.count == 20 ? ICalendar.parseStamp(text) : nil }
}
