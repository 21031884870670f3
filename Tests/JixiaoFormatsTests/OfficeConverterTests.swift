import Foundation
import Testing
import JixiaoBase
@testable import JixiaoFormats
import JixiaoTestSupport

/// The LibreOffice converter with stand-in `soffice` scripts: what it runs, what it leaves
/// behind (nothing) and what it says when LibreOffice fails, writes nothing or hangs.
struct OfficeConverterTests {
    /// A folder for one test, with a stand-in soffice whose body is `script` (`$@` are the
    /// arguments; `$RECORD` a file in the test's folder).
    static func fakeSoffice(_ script: String) throws -> (folder: String, soffice: String) {
        let folder = NSTemporaryDirectory() + "jixiao-converter-tests-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let soffice = folder + "/soffice"
        try ("#!/bin/sh\nPATH=/usr/bin:/bin\nRECORD=\(folder)/record\n" + script).write(toFile: soffice, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: soffice)
        return (folder, soffice)
    }

    /// The arguments the stand-in was called with, one per line.
    static func recorded(_ folder: String) throws -> [String] {
        try String(contentsOfFile: folder + "/record", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static let user = Formats.path("table.doc")

    @Test func convertsACopyInAPrivateFolderAndRemovesIt() throws {
        let (folder, soffice) = try Self.fakeSoffice("""
            for a in "$@"; do echo "$a"; done > "$RECORD"
            while [ "$1" != "--outdir" ]; do shift; done
            mkdir -p "$2" && cp \(Formats.path("table.docx")) "$2/input.docx"
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try OfficeConverter.convert(Self.user, to: .docx, soffice: soffice)
        #expect(data == FileManager.default.contents(atPath: Formats.path("table.docx")))
        let arguments = try Self.recorded(folder)
        let input = try #require(arguments.last)
        let work = (input as NSString).deletingLastPathComponent
        #expect(input.hasSuffix("/input.doc") && input != Self.user)
        #expect(arguments.contains("-env:UserInstallation=" + URL(fileURLWithPath: work + "/profile").absoluteString))
        #expect(arguments.contains("docx:MS Word 2007 XML"))
        #expect(arguments.starts(with: ["--headless", "--norestore"]))
        #expect(!FileManager.default.fileExists(atPath: work), "the private folder is removed")
    }

    @Test func aFailureNamesTheUsersFileAndSaysWhatSofficeSaid() throws {
        let (folder, soffice) = try Self.fakeSoffice("""
            for a in "$@"; do echo "$a"; done > "$RECORD"
            echo "Warning: failed to launch javaldx - java may not function correctly" >&2
            echo "Error: source file could not be loaded" >&2
            exit 1
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = #expect(throws: InputError.self) { _ = try OfficeConverter.convert(Self.user, to: .docx, soffice: soffice) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.location == SourceLocation(file: Self.user, line: 0))
        #expect(error?.message.en == "LibreOffice could not convert the file to .docx: Error: source file could not be loaded")
        #expect(error?.message.zh.contains("LibreOffice 未能把文件转换为 .docx") == true)
        let work = ((try Self.recorded(folder).last ?? "") as NSString).deletingLastPathComponent
        #expect(!work.isEmpty && !FileManager.default.fileExists(atPath: work))
    }

    @Test func nothingWrittenIsAFailure() throws {
        let (folder, soffice) = try Self.fakeSoffice("exit 0\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = #expect(throws: InputError.self) { _ = try OfficeConverter.convert(Formats.path("table.xls"), to: .xlsx, soffice: soffice) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message.en == "LibreOffice could not convert the file to .xlsx")
        #expect(error?.location.file == Formats.path("table.xls"))
    }

    /// A conversion that hangs is stopped at the input's time limit: soffice and what it started
    /// are killed, the folder is removed, and the error is the batch's timed-out one.
    @Test func aHangingConversionIsKilledAtTheTimeLimit() throws {
        let (folder, soffice) = try Self.fakeSoffice("""
            for a in "$@"; do echo "$a"; done > "$RECORD"
            sleep 60 &
            echo $! > "$RECORD.child"
            wait
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = ContinuousClock.now
        let error = TimeLimit.$current.withValue(TimeLimit(timeout: .milliseconds(500))) {
            #expect(throws: InputError.self) { _ = try OfficeConverter.convert(Self.user, to: .docx, soffice: soffice) }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(error?.code == .timedOut)
        #expect(error?.location.file == Self.user)
        let child = try #require(Int32(try String(contentsOfFile: folder + "/record.child", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.isGone(child), "the process soffice started is killed too")
        let work = ((try Self.recorded(folder).last ?? "") as NSString).deletingLastPathComponent
        #expect(!work.isEmpty && !FileManager.default.fileExists(atPath: work))
    }

    /// No such process, or one killed and waiting to be reaped.
    static func isGone(_ pid: Int32) -> Bool {
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func aFileThatCannotBeReadIsNotConverted() throws {
        let (folder, soffice) = try Self.fakeSoffice("touch \"$RECORD\"\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = folder + "/none.doc"
        let error = #expect(throws: InputError.self) { _ = try OfficeConverter.convert(missing, to: .docx, soffice: soffice) }
        #expect(error?.code == .unreadableFile && error?.location.file == missing)
        let empty = folder + "/empty.xls"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: InputError.self) { _ = try OfficeConverter.convert(empty, to: .xlsx, soffice: soffice) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/record"), "soffice never ran")
    }

    @Test(.enabled(if: Formats.soffice != nil))
    func aDamagedDocIsAConversionFailure() throws {
        let (folder, _) = try Self.fakeSoffice("")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let damaged = folder + "/damaged.doc"
        let whole = try #require(FileManager.default.contents(atPath: Formats.path("table.doc")))
        _ = FileManager.default.createFile(atPath: damaged, contents: whole.prefix(3000))
        let error = #expect(throws: InputError.self) { _ = try OfficeConverter.convert(damaged, to: .docx) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.location.file == damaged)
    }
}
