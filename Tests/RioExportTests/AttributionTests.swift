import Testing

@testable import RioExport

@Suite("Attribution of session money to conventions")
struct AttributionTests {
    let rank = ["UNCCD": 0, "CBD": 1, "UNFCCC": 2]

    @Test func equalPartsWhenDivisible() {
        let parts = Cofinancing.attribute(300, among: ["CBD", "UNCCD", "UNFCCC"], rank: rank)
        #expect(parts.map(\.0) == [0, 1, 2])
        #expect(parts.map(\.1) == [100, 100, 100])
    }

    @Test func remainderGoesOneUnitAtATimeInCatalogOrder() {
        // 100 / 3 = 33 rest 1: the first convention of the catalog order gets the unit,
        // whatever the session's own order.
        #expect(Cofinancing.attribute(100, among: ["UNFCCC", "CBD", "UNCCD"], rank: rank).map(\.1) == [34, 33, 33])
        // 101 / 3 = 33 rest 2: UNCCD and CBD get one each.
        #expect(Cofinancing.attribute(101, among: ["UNFCCC", "UNCCD", "CBD"], rank: rank).map(\.1) == [34, 34, 33])
        // Two conventions, odd amount: the earlier in catalog order gets the unit.
        let two = Cofinancing.attribute(7, among: ["UNFCCC", "CBD"], rank: rank)
        #expect(two.map(\.0) == [1, 2])
        #expect(two.map(\.1) == [4, 3])
    }

    @Test func partsAlwaysAddUp() {
        for amount in [0, 1, 2, 5, 99, 100, 12_345, 2_185_740] {
            for conv in [["UNCCD"], ["CBD", "UNFCCC"], ["UNFCCC", "UNCCD", "CBD"]] {
                let parts = Cofinancing.attribute(amount, among: conv, rank: rank)
                #expect(parts.reduce(0) { $0 + $1.1 } == amount)
                #expect((parts.map(\.1).max() ?? 0) - (parts.map(\.1).min() ?? 0) <= 1)
            }
        }
    }

    @Test func duplicatesAndUnknownConventionsAreIgnored() {
        #expect(Cofinancing.attribute(10, among: ["CBD", "CBD", "XYZ"], rank: rank).map(\.1) == [10])
        #expect(Cofinancing.attribute(10, among: ["XYZ"], rank: rank).isEmpty)
    }
}
