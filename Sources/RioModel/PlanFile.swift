import Foundation

/// Reading and writing plan files, and resolving the request and catalog they name.
public enum PlanFile {
    /// JSON with sorted keys, so the same plan is always the same bytes.
    public static func encode(_ plan: Plan) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(plan)
        d.append(10)
        return d
    }

    public static func read(_ path: String) throws -> Plan {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RioError.unreadable(path: path, reason: "no such plan file (make one with `rioplan plan REQUEST.yaml`)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RioError.unreadable(path: path, reason: "permission denied or not a file")
        }
        do {
            let plan = try JSONDecoder().decode(Plan.self, from: data)
            guard plan.format == Plan.formatID else {
                throw RioError.data("\(path): format is `\(plan.format)`, expected `\(Plan.formatID)`; this file was not written by rioplan plan, or by a newer version")
            }
            return plan
        } catch let e as RioError {
            throw e
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw RioError.data("\(path): not a RioPlan plan file: `\(pathText(ctx.codingPath + [key]))` is missing; pass a file written by `rioplan plan`")
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw RioError.data("\(path): not a RioPlan plan file: `\(pathText(ctx.codingPath))` has the wrong type; pass a file written by `rioplan plan`")
        } catch {
            throw RioError.data("\(path): not a RioPlan plan file (not valid JSON); pass a file written by `rioplan plan`")
        }
    }

    static func pathText(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// The file's modification time in whole seconds (UTC), nil when it cannot be read.
    public static func modificationDate(_ path: String) -> Date? {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
            let date = attrs[.modificationDate] as? Date
        else { return nil }
        return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Writes the plan atomically.
    public static func write(_ plan: Plan, to path: String) throws {
        try AtomicFile.write(try encode(plan), to: path)
    }

    /// The request and catalog paths a plan names, relative to the plan's folder, unless overridden.
    public static func inputs(of plan: Plan, planPath: String, request: String?, catalog: String?) -> (request: String, catalog: String) {
        let dir = (planPath as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            if p.hasPrefix("/") || dir.isEmpty { return p }
            return (dir as NSString).appendingPathComponent(p)
        }
        return (request ?? resolve(plan.inputs.request), catalog ?? resolve(plan.inputs.catalog))
    }

    /// `target` relative to `folder` (both relative to the current directory or absolute).
    public static func relativePath(_ target: String, from folder: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func abs(_ p: String) -> [String] {
            let full = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p)
            var out: [String] = []
            for c in (full as NSString).standardizingPath.split(separator: "/") {
                if c == ".." { _ = out.popLast() } else if c != "." { out.append(String(c)) }
            }
            return out
        }
        let t = abs(target), f = abs(folder.isEmpty ? "." : folder)
        var i = 0
        while i < t.count, i < f.count, t[i] == f[i] { i += 1 }
        let parts = Array(repeating: "..", count: f.count - i) + t[i...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

/// Writes files by temporary file and rename, so readers never see half a file.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw RioError.cannotWrite(path: path, reason: "folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw RioError.cannotWrite(path: path, reason: "cannot create a file in \(dir.path)")
        }
        if rename(tmp.path, url.path) != 0 {
            let err = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw RioError.cannotWrite(path: path, reason: err)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
