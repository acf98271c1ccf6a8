import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `rioplan serve` as a process: the one line it prints, a real HTTP answer, and SIGTERM
/// ending it with exit 0.
@Suite struct ServeProcessTests {
    /// The `rioplan` built with the tests, next to the test bundle.
    static func binary() throws -> URL {
        let folder: URL
        if let xctest = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            folder = xctest.bundleURL.deletingLastPathComponent()
        } else {
            folder = (Bundle.main.executableURL ?? Bundle.main.bundleURL).deletingLastPathComponent()
        }
        let candidate = folder.appendingPathComponent("rioplan")
        try #require(FileManager.default.isExecutableFile(atPath: candidate.path), "build rioplan with the tests: \(candidate.path)")
        return candidate
    }

    @Test func servesUntilSIGTERMThenExitsZero() async throws {
        let fixture = try ServerFixture()
        let process = Process()
        process.executableURL = try ServeProcessTests.binary()
        process.arguments = ["serve", "--port", "0", "--catalog", fixture.catalog, "--db", fixture.database]
        process.currentDirectoryURL = fixture.dir
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("(Ctrl-C to stop)") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let line = String(decoding: seen, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("Serving \(fixture.database) on http://127.0.0.1:"), "\(line)")
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })

        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/api/v1/openapi.json")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"openapi\": \"3.1.0\""))
        let (_, feed) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/feeds/rpf_nobody/t.ics")!)
        #expect((feed as? HTTPURLResponse)?.statusCode == 401)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: seen + err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /feeds/rpf_…****/t.ics 401"))
        #expect(!log.contains("rpf_nobody"))
    }
}
