import ArgumentParser
import Foundation
import RioModel
import RioStore
import RioWorkspace

extension RioPlanCommand {
    /// `rioplan search QUERY...`.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Full-text search over mandates and modules, ranked, with the matching words shown.",
            discussion: """
                Looks in titles, decision symbols, summaries, and the labels and vocabulary (terms) of \
                the themes, so `nature-based solutions` also finds what CBD calls the ecosystem \
                approach. Entries holding every word rank first; the last word also matches as a \
                prefix (`restor` finds restoration). Quotes and operators are treated as plain text.

                Examples:
                  rioplan search gender finance
                  rioplan search "2/COP.16" --format json
                """)

        @Argument(help: ArgumentHelp("Words to look for.", valueName: "QUERY"))
        var words: [String] = []

        @Option(name: .long, help: "Show at most N results.")
        var limit: Int = 20

        @Option(name: .long, help: "table or json (csv also works).")
        var format: OutputFormat = .table

        @Option(name: .long, help: .hidden)
        var benchmark: String?

        @OptionGroup var options: CommonOptions

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            try runReporting {
                let workspace = options.workspace
                let store = try options.freshStore()
                if let benchmark {
                    guard let text = try? String(contentsOfFile: benchmark, encoding: .utf8) else {
                        throw RioError.unreadable(path: benchmark, reason: "cannot read the query file")
                    }
                    print(try workspace.searchTiming(store, queries: text, limit: limit).line)
                    return
                }
                let query = try SearchQuery(words.joined(separator: " "))
                let hits = try store.search(query, limit: limit)
                switch format {
                case .table: print(SearchHit.table(hits, query: query, vocabulary: try store.vocabulary(query)), terminator: "")
                case .json: print(try TextTable.json(hits), terminator: "")
                case .csv: print(SearchHit.csv(hits), terminator: "")
                }
            }
        }
    }
}
