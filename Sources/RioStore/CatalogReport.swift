/// A mandate as the catalog reports show it.
public struct MandateRef: Sendable, Hashable, Codable {
    public var id: String
    public var convention: String
    public var symbol: String
    public var title: String
    public init(id: String, convention: String, symbol: String, title: String) {
        self.id = id; self.convention = convention; self.symbol = symbol; self.title = title
    }
}

/// A training module as the catalog reports show it, with the conventions it serves through its mandates.
public struct ModuleRef: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// In catalog convention order.
    public var conventions: [String]
    /// Serves two or more conventions.
    public var joint: Bool { conventions.count >= 2 }
    public init(id: String, title: String, conventions: [String]) {
        self.id = id; self.title = title; self.conventions = conventions
    }

    enum CodingKeys: String, CodingKey { case id, title, conventions, joint }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(conventions, forKey: .conventions)
        try c.encode(joint, forKey: .joint)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        conventions = try c.decode([String].self, forKey: .conventions)
    }
}

/// A theme as the catalog reports show it.
public struct ThemeRef: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public init(id: String, label: String) { self.id = id; self.label = label }
}

/// The theme × convention cross-map: which mandates and modules meet in each cell.
public struct CrossMap: Sendable, Hashable, Codable {
    /// One cell: a theme and a convention.
    public struct Cell: Sendable, Hashable, Codable {
        public var convention: String
        /// Mandates of this convention that list the theme.
        public var mandates: [MandateRef]
        /// Modules that list the theme and serve this convention through at least one of their mandates.
        public var modules: [ModuleRef]
        /// The convention's own words for the theme; empty when the catalog says the convention
        /// has no own term; nil when the catalog does not say.
        public var terms: [String]?
        public var jointModules: Int { modules.filter(\.joint).count }
    }

    /// One row: a theme across the conventions.
    public struct Row: Sendable, Hashable, Codable {
        public var theme: ThemeRef
        public var cells: [Cell]
    }

    /// Column order (catalog order, or the one asked for).
    public var conventions: [String]
    /// Row order (catalog order, or the one asked for).
    public var rows: [Row]
}

/// What the catalog does not yet cover.
public struct GapReport: Sendable, Hashable, Codable {
    /// A theme on which two or more conventions have mandates but no module serves two of them.
    public struct ThemeGap: Sendable, Hashable, Codable {
        public var theme: ThemeRef
        /// Conventions with mandates on the theme, with how many, in catalog order.
        public var mandatesPerConvention: [ConventionCount]
        /// The single-convention modules on the theme (candidates to turn into a joint one).
        public var modules: [ModuleRef]
    }

    public struct ConventionCount: Sendable, Hashable, Codable {
        public var convention: String
        public var mandates: Int
    }

    /// Mandates that no module lists.
    public var unservedMandates: [MandateRef]
    public var themesWithoutJointModule: [ThemeGap]
}

/// Where the conventions already meet, and where they could.
public struct SynergyReport: Sendable, Hashable, Codable {
    /// A joint module and the themes it covers.
    public struct JointModule: Sendable, Hashable, Codable {
        public var module: ModuleRef
        public var themes: [String]
    }

    /// Two single-convention modules of different conventions that share themes: they could merge.
    public struct MergeCandidate: Sendable, Hashable, Codable {
        public var first: ModuleRef
        public var second: ModuleRef
        public var sharedThemes: [String]
    }

    public var jointModules: [JointModule]
    public var couldMerge: [MergeCandidate]
}
