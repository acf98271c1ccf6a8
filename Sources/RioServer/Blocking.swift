import Dispatch

/// Runs slow synchronous workspace calls (reports, workbooks, uploads, uncached feeds) on a
/// dispatch queue, so that they do not hold one of the few threads that answer requests.
enum Blocking {
    static let queue = DispatchQueue(label: "rioplan.serve.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
