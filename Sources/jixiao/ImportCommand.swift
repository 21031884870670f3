import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoModel
import JixiaoImport
import JixiaoReport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the self-evaluation tables of a document's text as submission YAML.",
        discussion: """
            Reads 部门决算 / 绩效自评报告 text (UTF-8 or GBK/GB18030): tab- or |-separated tables, \
            PDF text, one cell per line; .xlsx workbooks, whose sheets are read as tab-separated \
            rows (line N is row N of the first sheet; each further sheet follows a blank line and \
            a line with its name); .docx Word documents, whose tables are read as tab-separated \
            rows and other paragraphs as lines, in document order; saved web pages (.htm, \
            .html, UTF-8 or a declared GBK), whose tables are read as tab-separated rows with \
            merged cells blank and whose other text as lines; PDFs with a text layer (.pdf), whose \
            tables are rebuilt from their borders or column gaps, page after page (a scan needs OCR \
            first); and old Office/WPS files (.doc, .wps, .xls, .et), which LibreOffice (soffice) \
            converts to .docx or .xlsx first. Line numbers count that text. \
            Writes every table to standard output (YAML documents separated by ---), or one file \
            per table with --out. What cannot be read is listed \
            on standard error and under notes: in the YAML.
            """)

    @Option(help: "Language of notes: zh or en.")
    var lang: Language = .zh

    @Option(help: "Write one file per table into this folder instead of standard output.")
    var out: String?

    @Option(help: "Region to record on every table (e.g. 安徽省合肥市).")
    var region: String?

    @Option(help: "Folder of rubric files, whose vocabulary/tables.yaml holds the words tables are read by (default: the nearest Rubrics/ folder, or $JIXIAO_RUBRICS).")
    var rubrics: String?

    @Argument(help: "Document text files, .xlsx workbooks, .docx Word documents, .htm/.html web pages, .pdf files, or .doc/.wps/.xls/.et through LibreOffice.")
    var files: [String]

    func run() throws {
        let words: TableWords
        do {
            words = try TableWords.load(rubrics: Engine.rubricFolder(rubrics))
        } catch {
            try finish(Terminal.report(error, language: lang))
            return
        }
        var status = ExitStatus.clean
        var documents: [String] = []
        for file in files {
            do {
                let document = try SubmissionReader.readDocument(path: file, options: ImportOptions(words: words, region: region))
                for note in document.notes {
                    Terminal.printError(TerminalText.safe("\(note.location): \(lang == .zh ? "注意" : "note"): \(note.message.text(lang))"))
                }
                if document.tables.isEmpty { throw document.noTableError() }
                for (index, table) in document.tables.enumerated() {
                    let notes = document.notes.filter { $0.table == index + 1 }
                    let yaml = SubmissionWriter.yaml(table, notes: notes, language: lang)
                    if let out {
                        try write(yaml, to: out, name: Self.fileName(file, index: index, table: table))
                    } else {
                        documents.append(yaml)
                    }
                }
            } catch {
                let reported = Terminal.report(error, language: lang)
                if reported.rawValue > status.rawValue { status = reported }
            }
        }
        if !documents.isEmpty { Terminal.print(documents.joined(separator: "---\n").trimmingCharacters(in: .newlines)) }
        try finish(status)
    }

    static func fileName(_ file: String, index: Int, table: Submission) -> String {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "\(base)-\(index + 1)-\(table.level.rawValue).yaml"
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a file and a
    /// rewrite replaces the previous file in one step.
    func write(_ text: String, to folder: String, name: String) throws {
        try OutputFile.createFolder(folder)
        try OutputFile.write(text, to: folder + "/" + name)
    }
}
