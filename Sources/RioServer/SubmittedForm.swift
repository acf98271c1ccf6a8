import Foundation
import Hummingbird

/// The fields and files of a POSTed form: `application/x-www-form-urlencoded` or
/// `multipart/form-data`, read up to the server's body limit (413 past it).
struct SubmittedForm: Sendable {
    var fields: [String: String]
    var files: [String: MultipartForm.Part]

    /// Reads and parses the request's body.
    ///
    /// - Throws: `PlatformFailure.tooLarge` past `limit`, `.badRequest` for a malformed body or
    ///   another content type.
    static func read(_ request: Request, limit: Int) async throws -> SubmittedForm {
        let type = request.headers[.contentType] ?? ""
        let buffer = try await request.body.collect(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        if let boundary = MultipartForm.boundary(ofContentType: type) {
            let form = try MultipartForm(body: bytes, boundary: boundary)
            var fields: [String: String] = [:], files: [String: MultipartForm.Part] = [:]
            for part in form.parts {
                if part.fileName != nil {
                    if files[part.name] == nil { files[part.name] = part }
                } else if fields[part.name] == nil {
                    fields[part.name] = String(decoding: part.data, as: UTF8.self)
                }
            }
            return SubmittedForm(fields: fields, files: files)
        }
        let base = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard base == "application/x-www-form-urlencoded" || (base.isEmpty && bytes.isEmpty) else {
            throw PlatformFailure.badRequest("send the form as application/x-www-form-urlencoded or multipart/form-data")
        }
        return SubmittedForm(fields: urlEncoded(String(decoding: bytes, as: UTF8.self)), files: [:])
    }

    /// `a=1&b=x+y` → `["a": "1", "b": "x y"]`; the first value of a repeated name wins.
    static func urlEncoded(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let key = decode(kv[0])
            guard !key.isEmpty, out[key] == nil else { continue }
            out[key] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return out
    }

    /// A trimmed, non-empty field.
    func value(_ name: String) -> String? {
        guard let v = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// The uploaded file of that field, which must be there and not empty.
    func file(_ name: String) throws -> (fileName: String, data: Data) {
        guard let part = files[name], !part.data.isEmpty else { throw PlatformFailure.badRequest("choose a CSV or XLSX file to upload") }
        return (String((part.fileName ?? "upload").prefix(1000)), part.data)  // the workspace shows its last path part only
    }

    /// Checks the form's CSRF token (`csrf` field) against the caller's session.
    func verifyCSRF(_ caller: Caller) throws { try caller.verifyCSRF(fields["csrf"]) }
}
