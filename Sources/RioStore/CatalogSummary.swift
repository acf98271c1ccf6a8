import RioModel

/// The counts `rioplan catalog validate` reports for a valid catalog.
public struct CatalogSummary: Sendable, Hashable, Codable {
    public var conventions: Int
    public var themes: Int
    /// Mandates per convention, in catalog order.
    public var mandatesPerConvention: [GapReport.ConventionCount]
    public var mandates: Int
    public var modules: Int
    /// Modules serving two or more conventions.
    public var jointModules: Int
    public var regions: Int
    public var venues: Int
    /// Countries and other Parties, and how many are LDCs and SIDS (0 without `countries`).
    public var countries: Int
    public var leastDeveloped: Int
    public var smallIslands: Int

    public init(_ c: Catalog) {
        conventions = c.conventions.count
        themes = c.themes.count
        mandates = c.mandates.count
        mandatesPerConvention = c.conventions.map { conv in
            GapReport.ConventionCount(convention: conv.id, mandates: c.mandates.filter { $0.convention == conv.id }.count)
        }
        modules = c.modules.count
        jointModules = c.modules.filter { c.jointness(of: $0) >= 2 }.count
        regions = c.regions.count
        venues = c.regions.reduce(0) { $0 + $1.venues.count }
        countries = c.countries.count
        leastDeveloped = c.countries.filter(\.ldc).count
        smallIslands = c.countries.filter(\.sids).count
    }

    /// `Catalog OK: 3 conventions, 12 themes, 48 mandates (UNCCD 16, CBD 16, UNFCCC 16), 24 modules (10 joint), 6 regions, 20 venues`.
    public var line: String {
        let per = mandatesPerConvention.map { "\($0.convention) \($0.mandates)" }.joined(separator: ", ")
        return "Catalog OK: \(conventions) conventions, \(themes) themes, \(mandates) mandates (\(per)), "
            + "\(modules) modules (\(jointModules) joint), \(regions) regions, \(venues) venues"
            + (countries == 0 ? "" : ", \(countries) countries and Parties (\(leastDeveloped) LDC\(leastDeveloped == 1 ? "" : "s"), \(smallIslands) SIDS)")
    }
}
