import Foundation

/// A workbook part's XML as the UTF-8 bytes `XMLParser` is given: checked here, because
/// Foundation's parser traps on what libxml2 passes it otherwise.
///
/// libxml2 reads a name with bytes that are not UTF-8 (`<t x\u{E8}y="…">`) as Latin-1 and
/// hands the raw bytes on; swift-corelibs-foundation force-unwraps their decoding as UTF-8 and
/// the process dies (a damaged or hostile workbook must be an input error instead). So the text
/// is decoded strictly, in the two encodings Open Packaging allows for XML parts: UTF-16 when it
/// starts with a byte-order mark, else UTF-8. What reaches libxml2 is valid UTF-8 without NUL
/// characters (which XML forbids, and which would let libxml2 guess UTF-16 or UCS-4) and without
/// the XML declaration, so no `encoding=` in it makes libxml2 read the bytes another way.
/// Line numbers are kept: the declaration's own line breaks stay in its place.
enum XLSXPartText {
    /// The part's text as UTF-8 for `XMLParser`, or nil when it is neither valid UTF-8 nor
    /// UTF-16 with a byte-order mark, or holds a NUL character.
    static func utf8(_ data: Data) -> Data? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = utf16(bytes) else { return nil }
            bytes = Array(text.utf8)
        } else {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        }
        guard !bytes.contains(0) else { return nil }
        let declaration = bytes.prefix(declarationLength(bytes))
        return Data(declaration.filter { $0 == 0x0A } + bytes.dropFirst(declaration.count))
    }

    /// UTF-16 after a byte-order mark (`FF FE` little-endian, `FE FF` big-endian), decoded
    /// strictly: an odd byte count or an unpaired surrogate gives nil.
    private static func utf16(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// The length of a leading `<?xml …?>` declaration, or 0 when there is none (`<?xml-stylesheet`
    /// is a processing instruction, not a declaration).
    private static func declarationLength(_ bytes: [UInt8]) -> Int {
        let start = Array("<?xml".utf8)
        guard bytes.starts(with: start), bytes.count > start.count,
              [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start.count]) else { return 0 }
        var index = start.count
        while index + 1 < bytes.count {
            if bytes[index] == 0x3F, bytes[index + 1] == 0x3E { return index + 2 }  // "?>"
            index += 1
        }
        return 0
    }
}
