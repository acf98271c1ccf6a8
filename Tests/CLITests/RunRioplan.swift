import Foundation

/// Runs the built `rioplan` binary (next to the test bundle) and captures its output.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Rioplan {
    /// The package root (two levels above this file's folder).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the test bundle: the build products folder of this `swift build`.
    ///
    /// On Linux the test bundle is the `RioPlanPackageTests.xctest` executable itself; elsewhere it is
    /// the loaded `.xctest` bundle.
    static var testBundleFolder: URL {
        if let xctest = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            return xctest.bundleURL.deletingLastPathComponent()
        }
        if let exe = Bundle.main.executableURL { return exe.deletingLastPathComponent() }
        return Bundle.main.bundleURL
    }

    /// The `rioplan` executable built with the tests, next to the test bundle (never another build's).
    ///
    /// - Throws: `BinaryNotFound` when it is missing, so that a stale binary elsewhere can never pass.
    static func binary() throws -> URL {
        let candidate = testBundleFolder.appendingPathComponent("rioplan")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else { throw BinaryNotFound(path: candidate.path) }
        return candidate
    }

    /// Runs `rioplan args` in `cwd` (default: the package root).
    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> RunResult {
        try launch(try binary(), args, cwd: cwd ?? root, env: env)
    }

    /// Runs any program (python3, khal, soffice...) and captures its output.
    @discardableResult
    static func tool(_ exe: String, _ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> RunResult {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [exe] + args, cwd: cwd, env: env)
    }

    /// Starts `executable`, reading stderr on another thread so a full pipe never blocks the child.
    private static func launch(_ executable: URL, _ args: [String], cwd: URL?, env: [String: String]) throws -> RunResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        p.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let errBox = ErrBox()
        let reader = Thread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal()
        }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A new empty temporary folder.
    static func tempDir(_ name: String = "rioplan-test") throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// `../shared` beside the package.
    static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")
}

/// The `rioplan` binary is not where the tests were built.
struct BinaryNotFound: Error, CustomStringConvertible {
    var path: String
    var description: String { "rioplan binary not found next to the test bundle at \(path); run `swift build` first" }
}

private final class ErrBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
