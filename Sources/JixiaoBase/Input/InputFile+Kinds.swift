#if canImport(Glibc)
import Glibc
#endif

extension InputFile {
    /// UTF-16 and UTF-32 text, which Windows tools save (记事本's "Unicode"): by its byte order mark,
    /// or, without one, by the zero bytes its ASCII characters (digits, spaces, line ends) carry.
    struct WideEncoding {
        /// iconv's name for it.
        var name: String
        /// Bytes of the byte order mark to drop.
        var byteOrderMark: Int

        static func of(_ bytes: [UInt8]) -> WideEncoding? {
            if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return WideEncoding(name: "UTF-32LE", byteOrderMark: 4) }
            if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return WideEncoding(name: "UTF-32BE", byteOrderMark: 4) }
            if bytes.starts(with: [0xFF, 0xFE]) { return WideEncoding(name: "UTF-16LE", byteOrderMark: 2) }
            if bytes.starts(with: [0xFE, 0xFF]) { return WideEncoding(name: "UTF-16BE", byteOrderMark: 2) }
            // Without a mark: zeros in one byte position out of two (or three of four) and almost
            // never in the others. Text in any 8-bit encoding has no zero byte at all.
            let sample = bytes.prefix(4096)
            // Most files have no zero byte at all: one memchr tells, before any counting.
            guard sample.count >= 8, sample.count % 2 == 0,
                  sample.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) else { return nil }
            var zeros = [0, 0, 0, 0]
            for (offset, byte) in sample.enumerated() where byte == 0 { zeros[offset % 4] += 1 }
            let quarter = sample.count / 4
            func many(_ count: Int) -> Bool { count * 5 >= quarter }  // a fifth of the positions or more
            func none(_ count: Int) -> Bool { count * 50 <= quarter }
            if sample.count % 4 == 0, many(zeros[2]), many(zeros[3]), many(zeros[1]), none(zeros[0]) {
                return WideEncoding(name: "UTF-32LE", byteOrderMark: 0)
            }
            if sample.count % 4 == 0, many(zeros[0]), many(zeros[1]), many(zeros[2]), none(zeros[3]) {
                return WideEncoding(name: "UTF-32BE", byteOrderMark: 0)
            }
            if many(zeros[1] + zeros[3]), none(zeros[0] + zeros[2]) { return WideEncoding(name: "UTF-16LE", byteOrderMark: 0) }
            if many(zeros[0] + zeros[2]), none(zeros[1] + zeros[3]) { return WideEncoding(name: "UTF-16BE", byteOrderMark: 0) }
            return nil
        }
    }

    /// Files of a kind known by their first bytes that the tool does not read as text: each gets
    /// an `unsupported-format` error that says what it is and what to do, instead of
    /// `binary-file` or advice about encodings.
    enum KnownBinary {
        case pdf, oldOffice, zip, image

        static func of(_ bytes: [UInt8]) -> KnownBinary? {
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oldOffice }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
                || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
                return .image
            }
            return nil
        }

        func error(file: String) -> InputError {
            let whole = SourceLocation(file: file, line: 0)
            switch self {
            case .pdf:
                return InputError(
                    .unsupportedFormat, at: whole,
                    message: LocalizedText(zh: "这是 PDF 文件，但扩展名不是 .pdf", en: "this is a PDF file whose name does not end in .pdf"),
                    hint: LocalizedText(zh: "改用 .pdf 扩展名后再审核", en: "name it .pdf and audit it again"))
            case .oldOffice:
                return InputError(
                    .unsupportedFormat, at: whole,
                    message: LocalizedText(zh: "这是旧版 Office/WPS 文件，但扩展名不是 .doc、.xls、.wps 或 .et，无法判断如何转换",
                                           en: "this is an old Office/WPS file, but its extension is not .doc, .xls, .wps or .et, which say how to convert it"),
                    hint: LocalizedText(zh: "按其内容改用 .doc（Word/WPS 文字）或 .xls（Excel/WPS 表格）扩展名，由 LibreOffice 转换后审核；或另存为 .docx / .xlsx",
                                        en: "give it the extension of what it holds, .doc (Word/WPS Writer) or .xls (Excel/WPS Spreadsheets), to have LibreOffice convert it; or save it as .docx / .xlsx"))
            case .zip:
                return InputError(
                    .unsupportedFormat, at: whole,
                    message: LocalizedText(zh: "这是压缩格式的文件（Office 文档或 ZIP 压缩包），按其扩展名无法读取",
                                           en: "this is a zipped file (an Office document or a ZIP archive) that its extension does not say how to read"),
                    hint: LocalizedText(zh: "Excel 工作簿请用 .xlsx 扩展名；压缩包请先解压",
                                        en: "name an Excel workbook .xlsx; unpack an archive first"))
            case .image:
                return InputError(
                    .unsupportedFormat, at: whole,
                    message: LocalizedText(zh: "这是图片（扫描件），没有可读取的文字", en: "this is an image (a scan), with no text to read"),
                    hint: LocalizedText(zh: "需要先做文字识别（OCR），或找到原始的文本版本", en: "it needs OCR first, or find the original text version"))
            }
        }
    }
}
