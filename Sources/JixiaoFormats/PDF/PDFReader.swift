import CPoppler
import Foundation
import JixiaoBase

/// Reads a PDF's pages (`PDFPage`: characters with their boxes, ruling lines) with poppler-glib.
///
/// The text layer is read, never the picture: `poppler_page_get_text` and
/// `poppler_page_get_text_layout` give each character and its rectangle, and the page rendered
/// into cairo's SVG surface gives the lines it draws (`PDFRuleScanner`), which poppler-glib has no
/// call for. A document with no character on any page is a scan, refused with a hint to OCR it.
///
/// Bounds, so a hostile file can neither hang the reader for long nor fill memory: the file is
/// read through `InputFile.bytes` (its size limit), at most `pageLimit` pages and `characterLimit`
/// characters are read, a page's rendering is dropped past `renderLimit` bytes of SVG (its
/// tables are then read from gaps alone), and the time limit (`TimeLimit.current`) is asked
/// between pages. Damaged and password-protected files are input errors, never crashes.
package enum PDFReader {
    /// The most pages read: 2000.
    package static let pageLimit = 2_000
    /// The most characters read over the whole document: 2 million (a dense page holds ~3000;
    /// each character kept costs ~40 bytes with its box).
    package static let characterLimit = 2_000_000
    /// The most SVG bytes one page's rendering may give before its ruling lines are given up: 32 MB.
    static let renderLimit = 32 * 1_048_576

    /// Whether `path` names a PDF this reader takes (`.pdf`).
    package static func isPDF(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".pdf")
    }

    /// The pages of the PDF at `path`.
    package static func read(path: String) throws(InputError) -> [PDFPage] {
        try parse(InputFile.bytes(path), file: path)
    }

    /// The pages of the PDF held by `bytes`.
    package static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> [PDFPage] {
        let whole = SourceLocation(file: file, line: 0)
        guard !bytes.isEmpty else {
            throw InputError(.emptyFile, at: whole, message: LocalizedText(zh: "文件是空的", en: "the file is empty"))
        }
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var failure: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &failure) else {
            let encrypted = failure.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
            if let failure { g_error_free(failure) }
            throw encrypted ? encryptedError(file) : damagedError(file)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let count = Int(poppler_document_get_n_pages(document))
        guard count > 0 else { throw damagedError(file) }
        guard count <= pageLimit else {
            throw InputError(.fileTooLarge, at: whole,
                             message: LocalizedText(zh: "PDF 有 \(count) 页，超过 \(pageLimit) 页的上限", en: "the PDF has \(count) pages, over the \(pageLimit)-page limit"),
                             hint: LocalizedText(zh: "只保留自评表所在的页再审核", en: "keep only the pages with the self-evaluation tables"))
        }
        let deadline = TimeLimit.current
        var pages: [PDFPage] = []
        var characters = 0
        for index in 0..<count {
            if let deadline, deadline.hasExpired { throw deadline.error(file: file) }
            guard let page = poppler_document_get_page(document, Int32(index)) else { throw damagedError(file) }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            let glyphs = Self.glyphs(page)
            characters += glyphs.count
            guard characters <= characterLimit else {
                throw InputError(.fileTooLarge, at: whole,
                                 message: LocalizedText(zh: "PDF 到第 \(index + 1) 页已超过 \(characterLimit) 个字符的上限",
                                                        en: "the PDF is over the \(characterLimit)-character limit by page \(index + 1)"),
                                 hint: LocalizedText(zh: "只保留自评表所在的页再审核", en: "keep only the pages with the self-evaluation tables"))
            }
            // A page without text has no table to rebuild: its drawing is not rendered.
            let rules = glyphs.isEmpty ? [] : PDFRuleScanner.rules(inSVG: render(page))
            pages.append(PDFPage(number: index + 1, glyphs: glyphs, rules: rules))
        }
        guard pages.contains(where: { !$0.glyphs.isEmpty }) else { throw scannedError(file, pages: count) }
        return pages
    }

    /// The characters of `page` with their rectangles; spaces and line ends are left out.
    ///
    /// Read from an area a page larger than the page on every side: poppler's whole-page calls
    /// select the page's rectangle, and text that runs past its edge (a table wider than the
    /// paper) can drop the rest of its text block.
    private static func glyphs(_ page: OpaquePointer) -> [PDFPage.Glyph] {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        var area = PopplerRectangle(x1: -width, y1: -height, x2: 2 * width, y2: 2 * height)
        guard let text = poppler_page_get_text_for_area(page, &area) else { return [] }
        defer { g_free(text) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout_for_area(page, &area, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        var glyphs: [PDFPage.Glyph] = []
        var index = 0
        for scalar in String(cString: text).unicodeScalars {
            guard index < Int(count) else { break }
            let rectangle = rectangles[index]
            index += 1
            guard !scalar.properties.isWhitespace, scalar.value >= 0x20 else { continue }
            let box = PDFPage.Box(x0: rectangle.x1, y0: rectangle.y1, x1: rectangle.x2, y1: rectangle.y2)
            guard box.x0.isFinite, box.y0.isFinite, box.x1.isFinite, box.y1.isFinite, box.height > 0 else { continue }
            glyphs.append(PDFPage.Glyph(scalar, box))
        }
        return glyphs
    }

    /// `page` drawn into an SVG document, or nothing when the drawing is over `renderLimit`.
    private static func render(_ page: OpaquePointer) -> [UInt8] {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let sink = SVGSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        guard let surface = cairo_svg_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<SVGSink>.fromOpaque(closure).takeUnretainedValue()
            guard sink.bytes.count + Int(length) <= PDFReader.renderLimit else {
                sink.overflowed = true
                return CAIRO_STATUS_WRITE_ERROR
            }
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), max(width, 1), max(height, 1)) else { return [] }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { return [] }
        poppler_page_render_for_printing(page, context)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        return sink.overflowed ? [] : sink.bytes
    }

    /// Collects what cairo writes.
    private final class SVGSink {
        var bytes: [UInt8] = []
        var overflowed = false
    }

    private static func damagedError(_ file: String) -> InputError {
        InputError(.unreadableFile, at: SourceLocation(file: file, line: 0),
                   message: LocalizedText(zh: "PDF 文件已损坏或不完整，无法打开", en: "the PDF is damaged or incomplete and cannot be opened"),
                   hint: LocalizedText(zh: "重新下载或从原始文件重新导出 PDF；或审核原始的 Word/Excel 文件",
                                       en: "download it again or export the PDF again; or audit the original Word/Excel file"))
    }

    private static func encryptedError(_ file: String) -> InputError {
        InputError(.unreadableFile, at: SourceLocation(file: file, line: 0),
                   message: LocalizedText(zh: "PDF 文件设有打开密码（已加密），无法读取", en: "the PDF is password-protected (encrypted) and cannot be read"),
                   hint: LocalizedText(zh: "请提供未加密的版本，或审核原始的 Word/Excel 文件", en: "provide an unencrypted copy, or audit the original Word/Excel file"))
    }

    private static func scannedError(_ file: String, pages: Int) -> InputError {
        InputError(.unsupportedFormat, at: SourceLocation(file: file, line: 0),
                   message: LocalizedText(zh: "这是扫描版 PDF（\(pages == 1 ? "只有图像" : "\(pages) 页都只有图像")），没有可读取的文字",
                                          en: "this is a scanned PDF (its \(pages) page\(pages == 1 ? "" : "s") only hold images), with no text to read"),
                   hint: LocalizedText(zh: "需要先做文字识别（OCR），或找到原始的 Word/Excel 文件或文字版 PDF",
                                       en: "it needs OCR first, or find the original Word/Excel file or a PDF with text"))
    }
}
