import Foundation
import Testing
import JixiaoBase
@testable import JixiaoCore
import JixiaoTestSupport

/// A batch over a folder of one table in every format, with a scan and a PDF among them: each
/// readable file is audited alike, every other file is listed with its reason, none is skipped
/// in silence.
struct MixedFormatsBatchTests {
    /// Fixture → its name in the folder.
    static let files = [
        "table.yaml": "table.yaml", "table.htm": "page.htm", "table.docx": "word.docx", "table.doc": "word97.doc",
        "table.xlsx": "book.xlsx", "table.xls": "book97.xls", "table-chromium.pdf": "printed.pdf",
    ]

    @Test func eachFileIsAuditedOrListedWithItsReason() async throws {
        let folder = try scratchFolder("formats")
        for (fixture, name) in Self.files { try FileManager.default.copyItem(atPath: Formats.path(fixture), toPath: folder + "/" + name) }
        #expect(FileManager.default.createFile(atPath: folder + "/scan.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])))
        let out = folder + "-out"
        let summary = try await runBatch([folder], out: out, jobs: 2, reports: .none)

        // Old Office files are audited through LibreOffice; without it, listed with what to install.
        let old: Set<String> = ["word97.doc", "book97.xls"]
        // Until the PDF reader lands, a PDF is listed as unsupported; then it is audited like the rest.
        let pdfIsRead = BatchInputs.hasKnownExtension("printed.pdf")
        var audited: Set<String> = ["table.yaml", "page.htm", "word.docx", "book.xlsx"]
        if Formats.soffice != nil { audited.formUnion(old) }
        if pdfIsRead { audited.insert("printed.pdf") }

        let tables = CSVText.rows(try read(out + "/summary.csv")).dropFirst().map { ($0[0] as NSString).lastPathComponent }
        #expect(tables.sorted() == audited.sorted(), "one table per readable file")
        #expect(summary.tables == audited.count)

        let errors = CSVText.rows(try read(out + "/errors.csv")).dropFirst().map { (($0[0] as NSString).lastPathComponent, $0[1]) }
        var listed = ["scan.png": "unsupported-format"]
        if !pdfIsRead { listed["printed.pdf"] = "unsupported-format" }
        if Formats.soffice == nil { for name in old { listed[name] = "converter-missing" } }
        #expect(Dictionary(errors, uniquingKeysWith: { first, _ in first }) == listed)
        #expect(errors.count == listed.count)
        // Nothing skipped in silence: every file of the folder is audited or listed.
        let all = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(Set(all) == audited.union(listed.keys) && all.count == audited.count + listed.count)

        // Every audited file gives the table's three deliberate findings, under its own name.
        let findings = CSVText.rows(try read(out + "/findings.csv"))
        let header = try #require(findings.first)
        let code = try #require(header.firstIndex(of: "code")), severity = try #require(header.firstIndex(of: "severity"))
        for name in audited {
            let codes = findings.dropFirst().filter { ($0[0] as NSString).lastPathComponent == name && $0[severity] != "info" }.map { $0[code] }
            #expect(codes.sorted() == ["rate-mismatch", "total-mismatch", "unmet-but-full"], "\(name)")
        }
        // The last column says where each finding is in a file with no lines of its own.
        let place = try #require(header.firstIndex(of: "place"))
        #expect(place == header.count - 1)
        let expected = ["table.yaml": "", "book.xlsx": "", "page.htm": "表 1 第 17 行", "word.docx": "表 1 第 17 行", "printed.pdf": "第 2 页"]
        for (name, text) in expected where audited.contains(name) {
            let row = findings.dropFirst().first { ($0[0] as NSString).lastPathComponent == name && $0[code] == "total-mismatch" }
            #expect(row?[place] == text, "\(name)")
        }
    }
}
