import Foundation
import Testing

/// Golden files under `Tests/Fixtures/golden/`: outputs compared byte for byte, re-recorded on purpose only.
///
/// On a mismatch the test fails with a unified diff of the golden file against the new output. When the
/// change is intended, re-record every golden file with
/// `RIOPLAN_RECORD_GOLDEN=1 swift test --skip-build --filter Golden` and review the change with `git diff`.
enum Golden {
    /// `Tests/Fixtures/golden`.
    static let folder = Rioplan.root.appendingPathComponent("Tests/Fixtures/golden")
    /// The tiny fixture: its request, its checked-in plan and an earlier hand-made version of it.
    static let tiny = folder.appendingPathComponent("tiny")
    static let tinyPlan = tiny.appendingPathComponent("tiny.plan.json").path
    static let tinyOldPlan = tiny.appendingPathComponent("tiny-old.plan.json").path
    static let plannerCatalog = Rioplan.root.appendingPathComponent("Tests/Fixtures/planner/catalog").path
    static let recordCommand = "RIOPLAN_RECORD_GOLDEN=1 swift test --skip-build --filter Golden"

    /// Whether this run re-records golden files instead of comparing with them.
    static var recording: Bool { ProcessInfo.processInfo.environment["RIOPLAN_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file at `name` (relative to `folder`), or re-records it.
    static func check(_ actual: Data, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let golden = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden)
            print("Golden: re-recorded \(name)")
            return
        }
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            Issue.record("no golden file \(golden.path); record it with \(recordCommand)", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record(
            "\(name) differs from its golden file:\n\(try diff(expected, actual, name))\nIf the change is intended, re-record with \(recordCommand) and review `git diff`.",
            sourceLocation: sourceLocation)
    }

    /// A unified diff (`diff -u`) of two texts, at most 6,000 characters; carriage returns shown as `\r`,
    /// and XML parts (written on one line) shown one element per line.
    static func diff(_ expected: Data, _ actual: Data, _ name: String) throws -> String {
        let dir = try Rioplan.tempDir("rioplan-golden-diff")
        let xml = name.hasSuffix(".xml") || name.hasSuffix(".rels")
        func visible(_ d: Data) -> Data {
            var text = String(decoding: d, as: UTF8.self).replacingOccurrences(of: "\r", with: "\\r")
            if xml { text = text.replacingOccurrences(of: "><", with: ">\n<") }
            return Data(text.utf8)
        }
        let a = dir.appendingPathComponent("golden"), b = dir.appendingPathComponent("actual")
        try visible(expected).write(to: a)
        try visible(actual).write(to: b)
        let r = try Rioplan.tool("diff", ["-u", "--label", "golden/\(name)", "--label", "actual/\(name)", a.path, b.path])
        let text = r.stdout.isEmpty ? "(the files differ in bytes diff cannot show: \(expected.count) vs \(actual.count) bytes)" : r.stdout
        return text.count > 6000 ? String(text.prefix(6000)) + "\n[... diff cut at 6,000 characters]" : text
    }
}
