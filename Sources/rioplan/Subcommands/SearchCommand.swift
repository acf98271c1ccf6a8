import ArgumentParser
import Foundation
import RioModel
import RioStore

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
                let store = try options.freshStore()
                if let benchmark { return try runBenchmark(store, file: benchmark) }
                let query = try SearchQuery(words.joined(separator: " "))
                let hits = try store.search(query, limit: limit)
                switch format {
                case .table: print(SearchHit.table(hits, query: query), terminator: "")
                case .json: print(try TextTable.json(hits), terminator: "")
                case .csv:
                    print(
                        TextTable.csv(
                            ["rank", "kind", "id", "title", "symbol", "conventions", "matched", "snippet"],
                            hits.map {
                                [
                                    String($0.rank), $0.kind.rawValue, $0.id, $0.title, $0.symbol ?? "", $0.conventions.joined(separator: "; "),
                                    $0.matched.joined(separator: "; "), $0.snippet,
                                ]
                            }), terminator: "")
                }
            }
        }

        /// Times each query of `file` (one per line) in this process; prints the median and spread.
        private func runBenchmark(_ store: CatalogStore, file: String) throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw RioError.unreadable(path: file, reason: "cannot read the query file")
            }
            var times: [Double] = [], results = 0
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let start = DispatchTime.now().uptimeNanoseconds
                results += try store.search(String(line), limit: limit).count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            guard !times.isEmpty else { throw RioError.usage("the query file \(file) holds no query") }
            times.sort()
            let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
            let p90 = times[min(times.count - 1, Int(Double(times.count) * 0.9))]
            print(
                String(
                    format: "search: %d queries, %d results, median %.2f ms, p90 %.2f ms, max %.2f ms",
                    times.count, results, median, p90, times[times.count - 1]))
        }
    }
}
