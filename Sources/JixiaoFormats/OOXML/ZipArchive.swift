import Foundation
import ZIPFoundation

/// A zip archive held in memory: its central directory, read here, and entries inflated with
/// ZIPFoundation's zlib codec from a provider bounded by the entry's own bytes.
///
/// ZIPFoundation's `Archive.extract` keeps asking for input at the end of the file when a
/// damaged deflate stream never ends, and spins forever; bounding the input here turns that into
/// an error. Only what workbooks and Word documents use is read: stored and deflated entries, no ZIP64.
struct ZipArchive {
    struct Entry {
        let method: UInt16
        let dataOffset: Int
        let compressedSize: Int
        let uncompressedSize: Int
    }

    struct Damaged: Error {}

    private let bytes: [UInt8]
    let entries: [String: Entry]
    /// Entries not read, and why: ZIP64 sizes (a part of 4 GB or more, as a zip bomb
    /// declares), or data past the end of the file. Named so that a missing part is reported
    /// for what it is, not as absent.
    let skipped: [String: Skipped]

    enum Skipped { case zip64, truncated }

    /// Nil when `data` has no readable central directory.
    init?(data: Data) {
        let bytes = [UInt8](data)
        guard let end = Self.endOfCentralDirectory(bytes),
              let count = Self.u16(bytes, end + 10), let offset = Self.u32(bytes, end + 16) else { return nil }
        var entries: [String: Entry] = [:]
        var skipped: [String: Skipped] = [:]
        var position = offset
        for _ in 0..<count {
            guard Self.u32(bytes, position) == 0x0201_4B50,
                  let method = Self.u16(bytes, position + 10),
                  let compressed = Self.u32(bytes, position + 20), let uncompressed = Self.u32(bytes, position + 24),
                  let nameLength = Self.u16(bytes, position + 28), let extraLength = Self.u16(bytes, position + 30),
                  let commentLength = Self.u16(bytes, position + 32), let local = Self.u32(bytes, position + 42),
                  position + 46 + nameLength <= bytes.count,
                  Self.u32(bytes, local) == 0x0403_4B50,
                  let localName = Self.u16(bytes, local + 26), let localExtra = Self.u16(bytes, local + 28)
            else { return nil }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let dataOffset = local + 30 + localName + localExtra
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF {
                skipped[name] = .zip64
            } else if dataOffset + compressed <= bytes.count {
                entries[name] = Entry(method: UInt16(method), dataOffset: dataOffset,
                                      compressedSize: compressed, uncompressedSize: uncompressed)
            } else {
                skipped[name] = .truncated
            }
            position += 46 + nameLength + extraLength + commentLength
        }
        self.bytes = bytes
        self.entries = entries
        self.skipped = skipped
    }

    /// The entry's contents; throws `Damaged` for a stream that cannot be read, and whatever
    /// `consumer` throws (a size limit).
    func extract(_ entry: Entry, consumer: (Data) throws -> Void) throws {
        let start = entry.dataOffset
        let end = start + entry.compressedSize
        switch entry.method {
        case 0:
            try consumer(Data(bytes[start..<end]))
        case 8:
            _ = try Data.decompress(
                size: Int64(entry.compressedSize), bufferSize: 32 * 1024, skipCRC32: true,
                provider: { position, size in
                    let from = start + Int(position)
                    guard from < end else { throw Damaged() }  // the stream ran past its entry
                    // Always a full chunk: ZIPFoundation tells zlib the chunk is `size` bytes long
                    // whatever it holds. A whole stream ends before the zero padding; a damaged
                    // one fails on it (zeros are a stored block with a bad length).
                    var chunk = Data(bytes[from..<min(from + size, end)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: consumer)
        default:
            throw Damaged()
        }
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var index = bytes.count - 22
        while index >= lowest {
            if u32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
}
