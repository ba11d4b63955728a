import Foundation
import OneDay

/// Reading a picked file without ever holding more than core accepts: at most one byte past the
/// limit is read, so an endless stream is refused as soon as it passes the limit. The limits are
/// core's, through the bindings.
public enum BoundedRead {
    /// The most bytes of a meeting list read (core's limit).
    public static var feedLimit: Int { Int(maxFeedBytes()) }

    /// The most bytes of a backup file read (core's limit).
    public static var backupLimit: Int { Int(maxBackupFileBytes()) }

    /// All of `handle`, or `nil` when it holds more than `limit` bytes or cannot be read; reads at
    /// most `limit + 1` bytes.
    public static func read(_ handle: FileHandle, limit: Int) -> Data? {
        var out = Data()
        while true {
            let room = limit + 1 - out.count
            let chunk: Data?
            do { chunk = try handle.read(upToCount: min(64 * 1024, room)) } catch { return nil }
            // `nil` (or, on some platforms, empty data) is the end of the file.
            guard let chunk, !chunk.isEmpty else { return out }
            out.append(chunk)
            if out.count > limit { return nil }
        }
    }

    /// The file at `url`, or `nil` when it holds more than `limit` bytes or cannot be read.
    public static func contents(of url: URL, limit: Int) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return read(handle, limit: limit)
    }
}
