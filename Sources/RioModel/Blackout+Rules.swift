/// The one blackout rule of RioPlan (scheduling-model.md): the compiler, the explainer and the
/// verifier all ask these questions instead of writing the test themselves.
///
/// A blackout with `orgs` keeps those organisations' trainers away; one without `orgs` closes
/// its regions (every region when `regions` is empty) to sessions.
extension Blackout {
    /// Whether this blackout forbids sessions in `region`.
    public func closes(region: String) -> Bool {
        (orgs ?? []).isEmpty && ((regions ?? []).isEmpty || (regions ?? []).contains(region))
    }

    /// Whether this blackout keeps trainers of `org` away.
    public func keepsAway(org: String) -> Bool { (orgs ?? []).contains(org) }

    /// Whether any day of `first...last` lies in the blackout.
    public func touches(first: Day, last: Day) -> Bool { range.overlaps(first: first, last: last) }

    /// Whether a session in `region` on the days `first...last` breaks this blackout.
    public func blocks(region: String, first: Day, last: Day) -> Bool {
        closes(region: region) && touches(first: first, last: last)
    }
}
