import Foundation
import RioModel

/// A secret the platform hands out: a sign-in token (`rps_`), a feed token (`rpf_`) or a web
/// session's cookie value (`rpw_`).
///
/// The text is the prefix, a selector of 16 lowercase hex digits (64 random bits; the public
/// half the database looks the token up by) and a secret of 40 hex digits (160 random bits).
/// Only hex digits, so it is URL-safe and survives being pasted into a calendar client. The
/// database keeps the selector and the keyed hash of the whole text, never the text.
struct AccessToken: Sendable, Hashable {
    enum Kind: String, Sendable {
        case signIn = "rps_"
        case feed = "rpf_"
        case webSession = "rpw_"
    }

    static let selectorLength = 16
    static let secretLength = 40
    static let length = 4 + selectorLength + secretLength

    let kind: Kind
    /// The whole token.
    let text: String

    /// The selector: the 16 hex digits after the prefix.
    var selector: String { String(text.utf8.dropFirst(4).prefix(AccessToken.selectorLength).map { Character(Unicode.Scalar($0)) }) }

    /// A new random token.
    static func random(_ kind: Kind) -> AccessToken {
        var rng = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        let body = (0..<(selectorLength + secretLength)).map { _ in digits[Int(rng.next(upperBound: UInt8(16)))] }
        return AccessToken(kind: kind, text: kind.rawValue + String(decoding: body, as: UTF8.self))
    }

    /// The token `text` holds when it has the shape of a `kind` token, else nil. Never throws:
    /// empty, wrong prefix, wrong length, upper case or any other character give nil, and the
    /// length is checked before anything else is read, so a huge value costs nothing.
    init?(parsing text: String, kind: Kind) {
        let bytes = text.utf8
        guard bytes.count == AccessToken.length, bytes.starts(with: kind.rawValue.utf8) else { return nil }
        for b in bytes.dropFirst(4) {
            guard (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) else { return nil }
        }
        self.init(kind: kind, text: text)
    }

    private init(kind: Kind, text: String) {
        self.kind = kind; self.text = text
    }

    /// The keyed hash the database keeps of this token.
    func mac(_ hash: KeyedHash) -> String { hash.hex(text) }

    /// Whether two keyed hashes are equal, in time that depends on their length only: every
    /// byte is compared, with no early exit, so a caller cannot learn how much of a guess was
    /// right by timing the answer.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
