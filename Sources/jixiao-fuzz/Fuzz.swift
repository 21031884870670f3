// libFuzzer entry points for the parsers that read untrusted input. Built and run by
// `.ci/fuzz.sh TARGET SECONDS`, which compiles with `-sanitize=fuzzer,address` and defines
// JIXIAO_FUZZING; an ordinary build gets a stub that says so.
#if JIXIAO_FUZZING
import Foundation
import JixiaoCore
import JixiaoValues
import JixiaoModel
import JixiaoFormats
import JixiaoImport

/// Which parser this run feeds: `JIXIAO_FUZZ_TARGET` = yaml, values, document, xlsx, docx, html or pdf.
private let target = ProcessInfo.processInfo.environment["JIXIAO_FUZZ_TARGET"] ?? "yaml"

/// Where the xlsx target writes each input, one file per fuzzing process.
private let workbook = NSTemporaryDirectory() + "/jixiao-fuzz-\(getpid()).xlsx"
/// Where the docx target writes each input.
private let wordDocument = NSTemporaryDirectory() + "/jixiao-fuzz-\(getpid()).docx"

/// The bundled rubrics and table words, for importing documents and auditing what is found.
/// Without them the harness would test nothing, so it stops.
private let engine: Engine = {
    do { return try Engine(rubricDirectory: nil) } catch { fatalError("the fuzz harness needs the bundled Rubrics/: \(error)") }
}()

/// libFuzzer's driver, which runs the fuzzing loop with its own command-line options.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point under this name; hand the process to libFuzzer.
@_cdecl("jixiao_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "values":
        _ = ValueParser.parse(String(decoding: bytes, as: UTF8.self))
    case "xlsx":
        // Through a file, as `audit` opens workbooks.
        FileManager.default.createFile(atPath: workbook, contents: Data(bytes))
        _ = try? XLSXReader.read(path: workbook)
    case "docx":
        // Through a file and the importer, as `audit` opens Word documents.
        FileManager.default.createFile(atPath: wordDocument, contents: Data(bytes))
        _ = try? DOCXImport.read(path: wordDocument, options: ImportOptions(words: engine.words))
    case "html":
        // From bytes, as `HTMLImport` reads a page once it has the file's bytes.
        guard let page = try? HTMLReader.parse(bytes, file: "fuzz.html") else { return 0 }
        let document = DocumentImporter.parse(HTMLText(page).text, file: "fuzz.html", options: ImportOptions(words: engine.words))
        for table in document.tables { _ = try? engine.audit(table) }
    case "pdf":
        // From bytes, as `PDFImport` reads a PDF once it has the file's bytes.
        guard let pages = try? PDFReader.parse(bytes, file: "fuzz.pdf") else { return 0 }
        let document = DocumentImporter.parse(PDFText(pages).text, file: "fuzz.pdf", options: ImportOptions(words: engine.words))
        for table in document.tables { _ = try? engine.audit(table) }
    case "document":
        let document = DocumentImporter.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.txt",
                                              options: ImportOptions(words: engine.words))
        for table in document.tables { _ = try? engine.audit(table) }
    default:
        _ = try? YAMLReader.documents(bytes, file: "fuzz.yaml")
        if let submission = try? Submission.parse(bytes, file: "fuzz.yaml") { _ = try? engine.audit(submission) }
        _ = try? Rubric.parse(bytes, file: "fuzz.yaml")
    }
    return 0
}
#else
@main
enum FuzzStub {
    static func main() {
        print("jixiao-fuzz is built for fuzzing by .ci/fuzz.sh TARGET SECONDS (targets: yaml, values, document, xlsx, docx, html, pdf)")
    }
}
#endif
