import Crypto
import Foundation

/// A keyed hash (HMAC-SHA256, swift-crypto) of personal data: what `record --pseudonymise`
/// stores instead of a participant's name.
///
/// The same name gives the same hash under the same key, so a sheet imported twice is still
/// recognised; without the key (kept in the workspace database) a hash cannot be traced back to
/// a name by trying likely names.
public struct KeyedHash: Sendable {
    private let key: SymmetricKey

    /// - Parameter key: the secret, 32 random bytes.
    public init(key: Data) { self.key = SymmetricKey(data: key) }

    /// A new random secret of 32 bytes.
    public static func newKey() -> Data { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } }

    /// `h:` and the lowercase hex HMAC of `text` (trimmed, case and inner spaces normalised, so
    /// that `Ana  Lima` and `ana lima` hash alike).
    public func hex(_ text: String) -> String {
        let normal = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normal.utf8), using: key)
        return "h:" + mac.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
