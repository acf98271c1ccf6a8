import Foundation

/// Removes the server's own folders (workspace database, plans and catalog folders, working
/// directory) from a message before a client sees it, so that no error names a file on the
/// server; what is left is the name relative to its folder (`t.yaml`, `bad.csv:3:B`).
struct MessageScrubber: Sendable {
    let folders: [String]

    init(folders: [String]) {
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.filter { $0.count > 1 }.sorted { $0.count > $1.count }
    }

    func callAsFunction(_ message: String) -> String {
        var text = message
        for folder in folders { text = text.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: folder, with: "") }
        return text
    }

    func callAsFunction(_ failure: PlatformFailure) -> PlatformFailure {
        PlatformFailure(status: failure.status, message: self(failure.message), problems: failure.problems.map { self($0) })
    }
}
