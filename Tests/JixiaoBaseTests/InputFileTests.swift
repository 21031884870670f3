import JixiaoBase
import Testing

struct InputFileTests {
    @Test func gb18030FilesAreDecoded() throws {
        let bytes = try InputFile.decode([0xB2, 0xFA, 0xB3, 0xF6, 0x0A], file: "gbk.txt")  // 产出 in GB18030
        #expect(String(decoding: bytes, as: UTF8.self) == "产出\n")
        #expect(throws: InputError.self) { try InputFile.decode([0x00, 0x01, 0x02], file: "bin") }
        #expect(throws: InputError.self) { try InputFile.decode(Array("  \n".utf8), file: "empty") }
    }
}
