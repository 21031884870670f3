import JixiaoBase
import Testing

struct InputFileTests {
    @Test func gb18030FilesAreDecoded() throws {
        let bytes = try InputFile.decode([0xB2, 0xFA, 0xB3, 0xF6, 0x0A], file: "gbk.txt")  // 产出 in GB18030
        #expect(String(decoding: bytes, as: UTF8.self) == "产出\n")
        #expect(throws: InputError.self) { try InputFile.decode([0x00, 0x01, 0x02], file: "bin") }
        #expect(throws: InputError.self) { try InputFile.decode(Array("  \n".utf8), file: "empty") }
    }

    /// UTF-16 and UTF-32, with a byte order mark or without, are text (记事本's "Unicode").
    @Test(arguments: ["UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"], [true, false])
    func wideEncodingsAreText(_ encoding: String, _ withMark: Bool) throws {
        let text = "年度资金总额\t100\t90\n总分\t100\t99\n"
        let encodings: [String: String.Encoding] = ["UTF-16LE": .utf16LittleEndian, "UTF-16BE": .utf16BigEndian,
                                                    "UTF-32LE": .utf32LittleEndian, "UTF-32BE": .utf32BigEndian]
        var bytes = Array(try #require(text.data(using: encodings[encoding]!)))
        if withMark {
            let mark: [UInt8] = encoding.hasPrefix("UTF-16") ? [0xFE, 0xFF] : [0x00, 0x00, 0xFE, 0xFF]
            bytes = (encoding.hasSuffix("LE") ? mark.reversed() : mark) + bytes
        }
        #expect(String(decoding: try InputFile.decode(bytes, file: "wide.txt"), as: UTF8.self) == text)
    }

    @Test func knownBinaryKindsSayWhatTheyAre() {
        for (bytes, word) in [(Array("%PDF-1.4\n".utf8) + [0, 1], "PDF"), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "Office"),
                              ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "OCR")] {
            do {
                _ = try InputFile.decode(bytes, file: "x")
                Issue.record("\(word) was read")
            } catch {
                #expect(error.code == .unsupportedFormat)
                let said = error.message.en + " " + (error.hint?.en ?? "")
                #expect(said.contains(word))
            }
        }
    }
}

/// Only regular files are read: a device gives no end (`/dev/zero`) or nothing (`/dev/null`),
/// and a named pipe can wait forever for a writer.
struct NonRegularFileTests {
    @Test(arguments: ["/dev/null", "/dev/zero"])
    func devicesAreRefusedBeforeReading(path: String) {
        do {
            _ = try InputFile.bytes(path)
            Issue.record("\(path) was read")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.message.en.contains("not a regular file"))
            #expect(error.message.zh.contains("不是普通文件"))
        }
    }
}
