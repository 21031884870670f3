import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file as UTF-8 bytes, whatever it was saved as.
///
/// Government downloads are often GBK/GB18030; they are decoded with the C library's iconv.
/// Empty, binary, oversized and undecodable files become input errors, never crashes.
public enum InputFile {
    /// Files larger than this are refused: 50 MB, or `JIXIAO_MAX_FILE_MB` megabytes.
    public static let sizeLimit: Int = {
        let megabytes = ProcessInfo.processInfo.environment["JIXIAO_MAX_FILE_MB"].flatMap(Int.init) ?? 50
        return max(1, megabytes) * 1_048_576
    }()

    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        try decode(bytes(path), file: path)
    }

    /// The file's bytes as they are on disk, not decoded (`decode`); a folder, a missing or
    /// unreadable file, one over `sizeLimit` or anything that is not a regular file (a named
    /// pipe, a device, a socket: reading one can wait forever) is an input error.
    public static func bytes(_ path: String) throws(InputError) -> [UInt8] {
        let whole = SourceLocation(file: path, line: 0)
        // Opened without blocking: opening a named pipe waits for a writer otherwise.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            let message: LocalizedText = switch code {
            case ENOENT, ENOTDIR: LocalizedText(zh: "文件不存在", en: "no such file")
            case EACCES, EPERM: LocalizedText(zh: "无法读取文件（权限不足）", en: "the file cannot be read (no permission)")
            case ELOOP: LocalizedText(zh: "符号链接构成循环，指不到文件", en: "its symbolic links loop and lead to no file")
            case ENAMETOOLONG: LocalizedText(zh: "路径太长", en: "the path is too long")
            default:
                LocalizedText(zh: "无法打开文件（系统错误 \(code)：\(String(cString: strerror(code)))）",
                              en: "the file cannot be opened (system error \(code): \(String(cString: strerror(code))))")
            }
            throw InputError(.unreadableFile, at: whole, message: message)
        }
        defer { close(descriptor) }
        var info = stat()
        let known = fstat(descriptor, &info) == 0
        if known, info.st_mode & S_IFMT == S_IFDIR {
            throw InputError(.unreadableFile, at: whole,
                             message: LocalizedText(zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file"))
        }
        if known, info.st_mode & S_IFMT != S_IFREG {
            throw InputError(.unreadableFile, at: whole,
                             message: LocalizedText(zh: "这不是普通文件（命名管道、设备或套接字），未读取",
                                                    en: "this is not a regular file (a named pipe, a device or a socket); not read"),
                             hint: LocalizedText(zh: "请先把内容保存为文件", en: "save its content as a file first"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        // One read for a regular file (its size plus one byte, to see the end); a file that gives no size (/proc) grows the buffer.
        var bytes = [UInt8](repeating: 0, count: known && info.st_size > 0 ? min(Int(info.st_size), sizeLimit) + 1 : 1 << 16)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= sizeLimit else { break }
                bytes += repeatElement(0, count: min(filled, sizeLimit + 1 - filled))
            }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw InputError(.unreadableFile, at: whole, message: LocalizedText(zh: "读取失败：\(reason)", en: "read failed: \(reason)"))
            }
            filled += count
        }
        if filled > sizeLimit {
            throw InputError(.fileTooLarge, at: whole,
                             message: LocalizedText(zh: "文件超过 \(sizeLimit / 1_048_576) MB 的上限", en: "the file is over the \(sizeLimit / 1_048_576) MB limit"))
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// UTF-8 (with or without BOM) is kept; UTF-16 and UTF-32 (by their byte order mark, or by
    /// the zero bytes of their ASCII characters) are converted; anything else is tried as GB18030.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> [UInt8] {
        var bytes = bytes
        if let wide = WideEncoding.of(bytes) {
            guard let converted = convert(bytes.dropFirst(wide.byteOrderMark), from: wide.name) else {
                throw InputError(.unknownEncoding, at: SourceLocation(file: file, line: 0),
                                 message: LocalizedText(zh: "文件看似 \(wide.name) 编码，但无法解码", en: "the file looks like \(wide.name) but cannot be decoded"),
                                 hint: LocalizedText(zh: "请另存为 UTF-8 编码", en: "save it as UTF-8"))
            }
            bytes = converted
        }
        bytes = try screen(bytes, file: file)
        if isUTF8(bytes) { return bytes }
        if let converted = convert(bytes[...], from: "GB18030") { return converted }
        throw InputError(.unknownEncoding, at: SourceLocation(file: file, line: 0),
                         message: LocalizedText(zh: "文件既不是 UTF-8 也不是 GBK/GB18030 编码", en: "the file is neither UTF-8 nor GBK/GB18030"),
                         hint: LocalizedText(zh: "请另存为 UTF-8 编码", en: "save it as UTF-8"))
    }

    /// Like `decode`, but GB18030 is tried first when `preferringGB18030`: for a file that
    /// declares itself GBK, GB2312 or GB18030 (a web page's `<meta charset>`), whose Chinese
    /// may happen to be valid UTF-8 bytes as well.
    public static func decode(_ bytes: [UInt8], file: String, preferringGB18030: Bool) throws(InputError) -> [UInt8] {
        guard preferringGB18030 else { return try decode(bytes, file: file) }
        let screened = try screen(bytes, file: file)
        if let converted = convert(screened[...], from: "GB18030") { return converted }
        return try decode(screened, file: file)
    }

    /// The bytes without a UTF-8 byte order mark; an empty file (whitespace only) or a binary one
    /// (a NUL byte) is an input error. The encoding is not checked: `decode` does that.
    public static func screen(_ bytes: [UInt8], file: String) throws(InputError) -> [UInt8] {
        let whole = SourceLocation(file: file, line: 0)
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(.emptyFile, at: whole, message: LocalizedText(zh: "文件为空", en: "the file is empty"))
        }
        if bytes.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
            if let kind = KnownBinary.of(bytes) { throw kind.error(file: file) }
            throw InputError(.binaryFile, at: whole, message: LocalizedText(zh: "这是二进制文件，不是文本", en: "this is a binary file, not text"))
        }
        if let kind = KnownBinary.of(bytes) { throw kind.error(file: file) }
        return bytes
    }

    public static func isUTF8(_ bytes: [UInt8]) -> Bool {
        (try? UTF8Span(validating: bytes.span)) != nil
    }

    /// `input` converted from `encoding` to UTF-8 with iconv; nil when it does not convert whole.
    private static func convert(_ input: ArraySlice<UInt8>, from encoding: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input.map { CChar(bitPattern: $0) }
        let produced: Int? = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = sourceBuffer.baseAddress
                var inLeft = sourceBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output.prefix(produced))
    }
}
