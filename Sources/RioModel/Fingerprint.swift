import Crypto
import Foundation

/// A SHA-256 fingerprint of input files (swift-crypto), for plan files' `inputs` and the catalog
/// cache: lowercase hex of the digest over the bytes fed to it, in order.
///
/// The loaders feed it the very bytes they parse, so a fingerprint always describes what was
/// read, never a later state of the file.
public struct Fingerprint: Sendable {
    private var hasher = SHA256()

    public init() {}

    /// Adds raw bytes.
    public mutating func update(_ data: Data) { hasher.update(data: data) }

    /// Adds the UTF-8 bytes of `text` (file names between file contents).
    public mutating func update(_ text: String) { hasher.update(data: Data(text.utf8)) }

    /// The digest as 64 lowercase hex digits.
    public func hex() -> String {
        hasher.finalize().map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
    }

    /// The SHA-256 of `data` as hex.
    public static func of(_ data: Data) -> String {
        var f = Fingerprint()
        f.update(data)
        return f.hex()
    }
}
