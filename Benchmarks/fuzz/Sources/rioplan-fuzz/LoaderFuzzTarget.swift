import Foundation
import RioModel

/// libFuzzer entry point over the catalog and request loaders, from the real Catalog/ and Plans/.
///
/// The first byte chooses the target: even, the rest is loaded as a catalog file named like the
/// real catalog's file number byte / 2 (alone, so that an execution stays fast: references to
/// the other files are then reported as unknown, which exercises the validator too); odd, the
/// rest is a plan request loaded against the real catalog. Any outcome but a catalog/request or a `RioError`
/// whose every diagnostic has a file and a line is a finding: the target traps, so libFuzzer
/// saves the input. Hangs are caught by libFuzzer's `-timeout`.
enum LoaderFuzzTarget {
    /// The real catalog's files, read once (RIOPLAN_FUZZ_ROOT: the package root).
    static let root = ProcessInfo.processInfo.environment["RIOPLAN_FUZZ_ROOT"] ?? "."
    nonisolated(unsafe) static let source: CatalogLoader.Source = {
        do { return try CatalogLoader.source(folder: root + "/Catalog") } catch { fatalError("cannot read the catalog: \(error)") }
    }()
    nonisolated(unsafe) static let catalog: Catalog = {
        do { return try CatalogLoader.load(source) } catch { fatalError("the real catalog does not load: \(error)") }
    }()

    static func run(_ bytes: Data) {
        guard let selector = bytes.first else { return }
        let body = bytes.dropFirst()
        if selector % 2 == 0 {
            let k = Int(selector / 2) % source.files.count
            let file = (shown: source.files[k].shown, data: Optional(Data(body)))
            check { _ = try CatalogLoader.load(CatalogLoader.Source(folder: source.folder, files: [file], fingerprint: "")) }
        } else {
            check { _ = try PlanRequestLoader.load(data: Data(body), path: root + "/Plans/fuzz.yaml", catalog: catalog) }
        }
    }

    /// Traps unless `body` succeeds or throws a located, well-formed `RioError`.
    static func check(_ body: () throws -> Void) {
        do {
            try body()
        } catch RioError.invalidInput(let ds) {
            if ds.isEmpty { fatalError("invalidInput without any diagnostic") }
            for d in ds where d.location.file.isEmpty || d.location.line < 1 || d.location.column < 1 {
                fatalError("a diagnostic without file:line:col: \(d)")
            }
            for d in ds where d.message.isEmpty || d.hint.isEmpty || d.description.contains(where: \.isNewline) {
                fatalError("a diagnostic with an empty part or spanning lines: \(d)")
            }
        } catch RioError.unreadable(let path, _) {
            // A list file the request names that does not exist is reported as a diagnostic; a
            // missing file here can only be one the fuzzer named by an absolute path.
            if path.isEmpty { fatalError("unreadable without a path") }
        } catch {
            fatalError("unexpected error: \(error)")
        }
    }
}

/// One input: libFuzzer calls it for every candidate.
@_cdecl("LLVMFuzzerTestOneInput")
public func rioplanFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    LoaderFuzzTarget.run(Data(bytes: data, count: size))
    return 0
}

/// libFuzzer's driver (in its runtime, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The executable's entry point as SwiftPM links it (`main` is an alias of it): hands over to
/// libFuzzer's driver with the command line.
@_cdecl("rioplan_fuzz_main")
public func rioplanFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, rioplanFuzzOneInput)
}
