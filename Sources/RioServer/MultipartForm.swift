import Foundation

/// A `multipart/form-data` body (RFC 7578), parsed within bounds: at most `maxParts` parts,
/// each part's headers at most 8 KB; the body itself is already bounded by the server's limit.
///
/// Only what HTML forms send is read: each part's `Content-Disposition: form-data; name=…`
/// (with `filename=…` for files). A malformed body throws `PlatformFailure.badRequest`.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var data: Data
    }

    var parts: [Part]

    static let maxParts = 64
    static let maxHeaderBytes = 8 * 1024

    /// The first part of that name.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of a field (UTF-8), or nil when absent.
    func field(_ name: String) -> String? { part(name).map { String(decoding: $0.data, as: UTF8.self) } }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(ofContentType type: String) -> String? {
        let pieces = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    init(parts: [Part]) { self.parts = parts }

    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array(("--" + boundary).utf8)
        guard var cursor = MultipartForm.find(delimiter, in: body, from: 0) else { throw MultipartForm.malformed }
        var parts: [Part] = []
        while true {
            cursor += delimiter.count
            if body.count >= cursor + 2, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            guard let lineEnd = MultipartForm.find([13, 10], in: body, from: cursor) else { throw MultipartForm.malformed }
            let headerStart = lineEnd + 2
            guard let headerEnd = MultipartForm.find([13, 10, 13, 10], in: body, from: headerStart),
                headerEnd - headerStart <= MultipartForm.maxHeaderBytes
            else { throw MultipartForm.malformed }
            let dataStart = headerEnd + 4
            guard let next = MultipartForm.find([13, 10] + delimiter, in: body, from: dataStart) else { throw MultipartForm.malformed }
            let headers = String(decoding: body[headerStart..<headerEnd], as: UTF8.self)
            if let (name, fileName) = MultipartForm.disposition(headers) {
                parts.append(Part(name: name, fileName: fileName, data: Data(body[dataStart..<next])))
            }
            guard parts.count <= MultipartForm.maxParts else { throw PlatformFailure.badRequest("the form has too many parts") }
            cursor = next + 2
        }
        self.parts = parts
    }

    static let malformed = PlatformFailure.badRequest("the multipart form body is malformed; send it from the page's form or with curl -F")

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var name: String?, fileName: String?
            for param in pair[1].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let eq = param.firstIndex(of: "=") else { continue }
                let key = param[..<eq].lowercased()
                var value = String(param[param.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                if key == "name" { name = value } else if key == "filename" { fileName = value }
            }
            return name.map { ($0, fileName) }
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
