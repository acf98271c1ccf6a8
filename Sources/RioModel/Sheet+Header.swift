import Foundation

/// Finding the header row of a sheet that has lines above it, such as the session details on
/// top of RioPlan's sign-in sheet template (`rioplan record template`).
extension Sheet {
    /// The sheet from its header row on: the first of the first `within` rows that has a cell
    /// whose text, trimmed and lowercased, is one of `names` (give them lowercased); the sheet
    /// itself when no row has one. Cells keep their row and column, so diagnostics still point at
    /// the right place in the file.
    public func startingAtHeader(containing names: Set<String>, within: Int = 20) -> Sheet {
        let found = rows.prefix(within).firstIndex { row in
            row.contains { names.contains($0.value.text.trimmingCharacters(in: .whitespaces).lowercased()) }
        }
        guard let found, found > 0 else { return self }
        return Sheet(file: file, name: name, rows: Array(rows[found...]))
    }
}
