import RioModel

/// The rules across sessions on shared resources: trainers' days and weeks, venues' days,
/// organisations' staffing caps and funding sources' caps. They read the tallies the
/// per-session rules filled and report in sorted order of trainer, week, venue or request list.
extension Verifier.Audit {
    /// `trainerDoubleBooked` and `trainerMaxDays`, trainer by trainer in id order: no trainer has
    /// two sessions on one day (the earliest such day is named), nor more session days than `maxDays`.
    mutating func trainerDoubleBookedAndMaxDays() {
        for t in trainerDays.keys.sorted() {
            let days = trainerDays[t] ?? []
            if Set(days).count != days.count {
                let first = Dictionary(grouping: days, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().first
                flag(.trainerDoubleBooked, "trainer \(t) has two sessions on \(first?.iso ?? "one day")")
            }
            if let max = staff[t]?.maxDays, daysOfTrainer[t, default: 0] > max {
                flag(.trainerMaxDays, "trainer \(t): \(daysOfTrainer[t, default: 0]) days > maxDays \(max)")
            }
        }
    }

    /// `travelRule`: all venue-based sessions of one trainer within one ISO week are in one region.
    mutating func travelRule() {
        for key in trainerWeekRegions.keys.sorted() {
            let regions = trainerWeekRegions[key] ?? []
            if regions.count > 1 { flag(.travelRule, "trainer \(key) teaches in person in \(regions.sorted().joined(separator: " and "))") }
        }
    }

    /// `venueDoubleBooked`: no venue holds two sessions on one day.
    mutating func venueDoubleBooked() {
        for id in venueDays.keys.sorted() {
            let days = venueDays[id] ?? []
            if Set(days).count != days.count { flag(.venueDoubleBooked, "venue \(id) holds two sessions on one day") }
        }
    }

    /// `staffingCap`: each organisation's trainer days are at most its `staffing` entry's `maxDays`.
    mutating func staffingCap() {
        for cap in request.staffing where daysOfOrg[cap.org, default: 0] > cap.maxDays {
            flag(.staffingCap, "organisation \(cap.org): \(daysOfOrg[cap.org, default: 0]) trainer days > \(cap.maxDays)")
        }
    }

    /// `sourceOverCap`: the amounts of each source over the plan are at most its `cap`.
    mutating func sourceOverCap() {
        for source in request.funding where allocated[source.id, default: 0] > source.cap {
            flag(.sourceOverCap, "source \(source.id): allocated \(allocated[source.id, default: 0]) > cap \(source.cap)")
        }
    }
}
