import Foundation
import JixiaoBase
#if canImport(Glibc)
import Glibc
#endif

/// Converts old Office and WPS files (.doc, .wps, .xls, .et) into Office Open XML (.docx, .xlsx)
/// with LibreOffice headless, for the Word and workbook readers. It knows nothing of tables.
///
/// One conversion runs `soffice --headless --norestore -env:UserInstallation=… --convert-to …
/// --outdir …` on a copy of the file, in a private temporary folder that also holds a
/// LibreOffice profile of its own: conversions running at once (`batch --jobs 2`) never share an
/// instance or a profile. The folder is removed when the conversion ends, whether it succeeds,
/// fails or is stopped. A conversion is stopped (its whole process group killed) when the input's
/// `TimeLimit` runs out, or after `timeLimit` in any case.
///
/// Only the file it is given is converted, and what it returns or throws names that file, never
/// the temporary copy. Without `soffice` on the `PATH` every conversion is an input error that
/// says which package to install.
package enum OfficeConverter {
    /// What an old file is converted into, and so which reader reads it.
    package enum Target: String, Sendable {
        case docx, xlsx

        /// soffice's `--convert-to` argument: the extension and the export filter.
        var convertTo: String {
            switch self {
            case .docx: "docx:MS Word 2007 XML"
            case .xlsx: "xlsx:Calc MS Excel 2007 XML"
            }
        }

        /// The Debian package that lets LibreOffice open and write this kind.
        var package: String {
            switch self {
            case .docx: "libreoffice-writer-nogui"
            case .xlsx: "libreoffice-calc-nogui"
            }
        }
    }

    /// The extensions converted, and into what: Word 97 and WPS 文字 into .docx, Excel 97 and
    /// WPS 表格 into .xlsx.
    package static let extensions: [String: Target] = ["doc": .docx, "wps": .docx, "xls": .xlsx, "et": .xlsx]
    /// The longest of ``extensions``, in bytes: a longer one (`yaml`, `docx`) is none of them.
    private static let longestExtension = extensions.keys.map(\.utf8.count).max() ?? 0

    /// The longest a conversion may take, whatever the batch allows: 120 s (a table of a few
    /// pages takes 2–6 s, most of it LibreOffice starting with a new profile).
    package static let timeLimit: Duration = .seconds(120)

    /// What `path` is converted into, by its extension (in any case); nil for a file this
    /// converter does not take.
    package static func target(for path: String) -> Target? {
        // Every file of a batch is asked: the bytes are searched, and the extension lowercased
        // only when it is short enough to be one of ours.
        let utf8 = path.utf8
        let name = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[name...].lastIndex(of: UInt8(ascii: ".")), dot != name else { return nil }
        let suffix = utf8[utf8.index(after: dot)...]
        guard suffix.count <= Self.longestExtension else { return nil }
        return extensions[String(Substring(suffix)).lowercased()]
    }

    /// `soffice` (or `libreoffice`) on the `PATH`, if LibreOffice is installed.
    package static func executable(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(directory)/\(name)"
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        return nil
    }

    /// The bytes of `path` converted into `target`.
    ///
    /// - Parameter soffice: the LibreOffice program; nil when it is not installed.
    /// - Throws: `InputError` naming `path`: `converter-missing` without LibreOffice,
    ///   `conversion-failed` when LibreOffice fails, writes nothing or takes over `timeLimit`,
    ///   `timed-out` when the input's `TimeLimit` runs out first, and the errors of
    ///   `InputFile.bytes` for a file that cannot be read.
    package static func convert(_ path: String, to target: Target, soffice: String? = executable()) throws(InputError) -> Data {
        guard let soffice else { throw missingError(path, target: target) }
        let bytes = try InputFile.bytes(path)
        if bytes.isEmpty {
            throw InputError(.emptyFile, at: SourceLocation(file: path, line: 0), message: LocalizedText(zh: "文件为空", en: "the file is empty"))
        }
        let folder = try temporaryFolder(for: path)
        Conversions.shared.begin(folder)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            Conversions.shared.end(folder)
        }
        // A copy under a plain name: the user's file name can hold anything (a leading `-`,
        // characters soffice reads as a URL), and the output's name is then known.
        let suffix = (path.split(separator: "/").last.flatMap { $0.split(separator: ".").last }).map { $0.lowercased() } ?? "bin"
        let input = folder + "/input." + suffix
        let output = folder + "/out/input." + target.rawValue
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else {
            throw failure(path, zh: "无法写入临时文件夹 \(NSTemporaryDirectory())", en: "cannot write into the temporary folder \(NSTemporaryDirectory())")
        }
        let log = folder + "/soffice.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=" + URL(fileURLWithPath: folder + "/profile").absoluteString,
                             "--convert-to", target.convertTo, "--outdir", folder + "/out", input]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        let logHandle = FileHandle(forWritingAtPath: log)
        defer { try? logHandle?.close() }
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw failure(path, zh: "无法启动 LibreOffice（\(soffice)）", en: "LibreOffice (\(soffice)) could not be started")
        }
        Conversions.shared.started(folder, process: process.processIdentifier)
        try wait(for: process, ended: ended, file: path)

        guard process.terminationReason == .exit, process.terminationStatus == 0,
              let converted = FileManager.default.contents(atPath: output), !converted.isEmpty else {
            let said = lastMessage(log)
            throw failure(path, zh: "LibreOffice 未能把文件转换为 .\(target.rawValue)" + (said.map { "：\($0)" } ?? ""),
                          en: "LibreOffice could not convert the file to .\(target.rawValue)" + (said.map { ": \($0)" } ?? ""),
                          hint: ("用 Word、WPS 或 LibreOffice 打开确认文件完好，另存为 .\(target.rawValue) 后再审核",
                                 "open it in Word, WPS or LibreOffice to check it is intact, and save it as .\(target.rawValue)"))
        }
        return converted
    }

    /// Waits for soffice to end; kills its process group (soffice starts oosplash, which starts
    /// soffice.bin) when the input's time limit or `timeLimit` runs out first.
    private static func wait(for process: Process, ended: DispatchSemaphore, file: String) throws(InputError) {
        let deadline = TimeLimit.current
        let cap = ContinuousClock.now.advanced(by: timeLimit)
        while ended.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            let expired = deadline?.hasExpired ?? false
            guard expired || ContinuousClock.now >= cap else { continue }
            stop(process)
            ended.wait()
            if expired, let deadline { throw deadline.error(file: file) }
            let seconds = Int(timeLimit.components.seconds)
            throw failure(file, zh: "LibreOffice 转换超过 \(seconds) 秒仍未完成，已停止", en: "LibreOffice did not finish converting within \(seconds) s; stopped")
        }
    }

    /// Kills soffice and what it started.
    private static func stop(_ process: Process) {
        stop(pid: process.processIdentifier)
    }

    /// Kills a process and its group: Foundation starts a child in a process group of its own.
    fileprivate static func stop(pid: Int32) {
        guard pid > 0 else { return }
        if getpgid(pid) == pid { kill(-pid, SIGKILL) } else { kill(pid, SIGKILL) }
    }

    /// A new folder of this process only (mode 700) under the temporary directory.
    private static func temporaryFolder(for file: String) throws(InputError) -> String {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("jixiao-office-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else {
            throw failure(file, zh: "无法在 \(NSTemporaryDirectory()) 中建立临时文件夹", en: "cannot make a temporary folder in \(NSTemporaryDirectory())")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The last thing soffice said that is not a warning, if anything (`Error: source file could
    /// not be loaded`), with the temporary folder's paths left out.
    private static func lastMessage(_ log: String) -> String? {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return nil }
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .last { !$0.isEmpty && !$0.hasPrefix("Warning") && !$0.hasPrefix("convert ") && !$0.contains("/jixiao-office-") }
        return line.map { String($0.prefix(200)) }
    }

    /// The error of a file this converter would read when LibreOffice is not installed.
    package static func missingError(_ file: String, target: Target) -> InputError {
        let kind = target == .docx ? LocalizedText(zh: "旧版 Word/WPS 文字文件", en: "an old Word/WPS Writer file")
            : LocalizedText(zh: "旧版 Excel/WPS 表格文件", en: "an old Excel/WPS Spreadsheets file")
        return InputError(
            .converterMissing, at: SourceLocation(file: file, line: 0),
            message: LocalizedText(zh: "这是\(kind.zh)，需要 LibreOffice 转换后读取，但找不到 soffice（LibreOffice 未安装）",
                                   en: "this is \(kind.en), read after LibreOffice converts it, but soffice is not found (LibreOffice is not installed)"),
            hint: LocalizedText(zh: "安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui；这个文件需要其中的 \(target.package)），或另存为 .\(target.rawValue) 后再审核",
                                en: "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui; this file needs \(target.package)), or save it as .\(target.rawValue)"))
    }

    private static func failure(_ file: String, zh: String, en: String, hint: (String, String)? = nil) -> InputError {
        InputError(.conversionFailed, at: SourceLocation(file: file, line: 0), message: LocalizedText(zh: zh, en: en),
                   hint: hint.map { LocalizedText(zh: $0.0, en: $0.1) })
    }
}

/// The conversions under way in this process: their folders and soffice processes, stopped and
/// removed when the process exits. A batch reports an input as timed out on time and may end
/// before that input's conversion notices (`FileRunner` does not wait for stuck work); without
/// this, soffice would go on running and its folder would stay behind.
private final class Conversions: @unchecked Sendable {
    static let shared = Conversions()
    private let lock = NSLock()
    /// Folder → soffice's process id (0 before it starts).
    private var running: [String: Int32] = [:]

    private init() {
        atexit { Conversions.shared.stopAll() }
    }

    func begin(_ folder: String) {
        lock.withLock { running[folder] = 0 }
    }

    func started(_ folder: String, process: Int32) {
        lock.withLock { running[folder] = process }
    }

    func end(_ folder: String) {
        lock.withLock { _ = running.removeValue(forKey: folder) }
    }

    func stopAll() {
        let left = lock.withLock {
            defer { running = [:] }
            return running
        }
        for (folder, process) in left {
            OfficeConverter.stop(pid: process)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
