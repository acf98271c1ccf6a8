import Foundation
import ZIPFoundation

/// One file of a zip archive as its central directory describes it, and the reading of that
/// directory and of the file's bytes, every offset and size checked against the archive.
struct XLSXZipEntry {
    var name: String
    /// 0 stored, 8 deflate.
    var method: UInt16
    var encrypted: Bool
    var crc: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64

    /// Why an archive cannot be read at all, as the person reading it should hear it.
    struct Problem: Error {
        var message: String
        var hint = "save it again as .xlsx"
    }

    /// Why one entry cannot be read.
    enum Failure: Error, CustomStringConvertible {
        case overflow, encrypted, truncated, badHeader, unsupportedMethod(UInt16), checksum

        /// What went wrong, in a few words.
        var description: String {
            switch self {
            case .overflow: return "too large"
            case .encrypted: return "encrypted"
            case .truncated: return "its compressed data is cut short"
            case .badHeader: return "its local header is missing"
            case .unsupportedMethod(let m): return "compression method \(m), which workbooks do not use"
            case .checksum: return "its checksum does not match"
            }
        }
    }

    /// A little-endian integer of `width` bytes at `offset`, or nil past the end.
    static func le(_ b: [UInt8], _ offset: Int, _ width: Int) -> UInt64? {
        guard offset >= 0, width > 0, offset <= b.count - width else { return nil }
        var v: UInt64 = 0
        for k in (0..<width).reversed() { v = v << 8 | UInt64(b[offset + k]) }
        return v
    }

    /// The entries of the archive's central directory, in order.
    ///
    /// - Complexity: O(entries), after a backward search of at most 64 KB for the end record.
    static func directory(of b: [UInt8], maxEntries: Int) throws -> [XLSXZipEntry] {
        let damaged = Problem(message: "the file is a damaged or truncated zip, not a readable workbook")
        guard let (count, cdOffset) = endRecord(b) else { throw damaged }
        guard count <= UInt64(maxEntries) else {
            throw Problem(message: "the zip holds \(count) entries, more than a workbook has")
        }
        var out: [XLSXZipEntry] = []
        var at = Int(clamping: cdOffset)
        for _ in 0..<Int(count) {
            guard le(b, at, 4) == 0x0201_4B50, let (entry, next) = centralEntry(b, at) else { throw damaged }
            out.append(entry)
            at = next
        }
        return out
    }

    /// The entry count and central-directory offset from the end records (ZIP64 when needed).
    static func endRecord(_ b: [UInt8]) -> (UInt64, UInt64)? {
        guard b.count >= 22 else { return nil }
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while i >= lowest, le(b, i, 4) != 0x0605_4B50 { i -= 1 }
        guard i >= lowest, var count = le(b, i + 10, 2), var offset = le(b, i + 16, 4) else { return nil }
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record points at the ZIP64 end record.
            guard le(b, i - 20, 4) == 0x0706_4B50, let z = le(b, i - 12, 8), z < UInt64(b.count),
                le(b, Int(z), 4) == 0x0606_4B50, let c = le(b, Int(z) + 32, 8), let o = le(b, Int(z) + 48, 8)
            else { return nil }
            count = c; offset = o
        }
        guard offset < UInt64(b.count) else { return nil }
        return (count, offset)
    }

    /// The central-directory entry at `at` and the offset of the next one.
    static func centralEntry(_ b: [UInt8], _ at: Int) -> (XLSXZipEntry, Int)? {
        guard let flags = le(b, at + 8, 2), let method = le(b, at + 10, 2), let crc = le(b, at + 16, 4),
            var comp = le(b, at + 20, 4), var uncomp = le(b, at + 24, 4), let n = le(b, at + 28, 2),
            let e = le(b, at + 30, 2), let c = le(b, at + 32, 2), var offset = le(b, at + 42, 4),
            at + 46 + Int(n) + Int(e) + Int(c) <= b.count
        else { return nil }
        let name = String(decoding: b[(at + 46)..<(at + 46 + Int(n))], as: UTF8.self)
        // ZIP64 extra field (id 1): the 64-bit values of the fields that hold 0xFFFFFFFF, in order.
        var x = at + 46 + Int(n)
        let extraEnd = x + Int(e)
        while x + 4 <= extraEnd, let id = le(b, x, 2), let size = le(b, x + 2, 2) {
            if id == 1 {
                var p = x + 4
                for field in [0, 1, 2] {
                    let wide = field == 0 ? uncomp == 0xFFFF_FFFF : field == 1 ? comp == 0xFFFF_FFFF : offset == 0xFFFF_FFFF
                    guard wide, p + 8 <= x + 4 + Int(size), let v = le(b, p, 8) else { continue }
                    if field == 0 { uncomp = v } else if field == 1 { comp = v } else { offset = v }
                    p += 8
                }
            }
            x += 4 + Int(size)
        }
        let entry = XLSXZipEntry(
            name: name, method: UInt16(method), encrypted: flags & 1 != 0, crc: UInt32(crc), compressedSize: comp,
            uncompressedSize: uncomp, localHeaderOffset: offset)
        return (entry, extraEnd + Int(c))
    }

    /// The entry's uncompressed bytes, at most `budget` of them, checked against its CRC-32.
    func contents(in b: [UInt8], budget: Int) throws -> [UInt8] {
        if encrypted { throw Failure.encrypted }
        let header = Int(clamping: localHeaderOffset)
        guard XLSXZipEntry.le(b, header, 4) == 0x0403_4B50, let n = XLSXZipEntry.le(b, header + 26, 2),
            let e = XLSXZipEntry.le(b, header + 28, 2)
        else { throw Failure.badHeader }
        let start = header + 30 + Int(n) + Int(e)
        guard compressedSize <= UInt64(b.count), start + Int(compressedSize) <= b.count else { throw Failure.truncated }
        let end = start + Int(compressedSize)
        var out: [UInt8] = []
        switch method {
        case 0:
            guard Int(compressedSize) <= budget else { throw Failure.overflow }
            out = Array(b[start..<end])
        case 8:
            out = try XLSXZipEntry.inflate(b, from: start, to: end, budget: budget)
        default:
            throw Failure.unsupportedMethod(method)
        }
        guard Data(out).crc32(checksum: 0) == crc else { throw Failure.checksum }
        return out
    }

    /// Raw deflate data `b[from..<to]` inflated with ZIPFoundation.
    ///
    /// The provider always hands over the size asked for (zero-padded past the end, as the
    /// inflater on Linux reads whole buffers) and throws once the compressed bytes are used up,
    /// so a stream that never ends stops here.
    static func inflate(_ b: [UInt8], from: Int, to: Int, budget: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        _ = try Data.decompress(
            size: Int64(to - from), bufferSize: 64 * 1024, skipCRC32: true,
            provider: { position, size in
                let at = from + Int(position)
                guard at < to else { throw Failure.truncated }
                var chunk = Data(b[at..<min(to, at + size)])
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            },
            consumer: { data in
                guard out.count + data.count <= budget else { throw Failure.overflow }
                out.append(contentsOf: data)
            })
        return out
    }
}
