import Foundation
import RioModel

/// Plain-text, CSV and JSON rendering shared by the catalog reports.
public enum TextTable {
    /// Left-aligned columns separated by two spaces; the last column is not padded.
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let n = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in all { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return all.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled.
    public static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(CSVText.record).joined()
    }

    /// Pretty JSON with sorted keys and a final newline: stable across runs.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
    }
}
