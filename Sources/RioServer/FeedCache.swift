import Foundation
import Hummingbird
import RioExport
import Synchronization

/// Rendered feeds kept in memory by (plan name, published version, filter), so that a cached
/// feed costs a token check, a version lookup and a dictionary read.
///
/// The version in the key makes a new publication a miss at once; entries of older versions of
/// a name are dropped when a newer one is stored, and the whole cache is bounded (filters come
/// from subscribers' URLs).
final class FeedCache: Sendable {
    struct Key: Hashable, Sendable {
        var name: String
        var version: Int
        var filter: CalendarFilter
    }

    /// A feed ready to send: body, validators and the header value of `Last-Modified`.
    struct Entry: Sendable {
        var body: ByteBuffer
        var etag: String
        var lastModified: Date
        var lastModifiedHeader: String
        var version: Int
    }

    let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    init(capacity: Int = 512) { self.capacity = capacity }

    func entry(_ key: Key) -> Entry? { entries.withLock { $0[key] } }

    func store(_ entry: Entry, name: String, filter: CalendarFilter) {
        guard capacity > 0 else { return }
        entries.withLock { table in
            table = table.filter { !($0.key.name == name && $0.key.version < entry.version) }
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[Key(name: name, version: entry.version, filter: filter)] = entry
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
