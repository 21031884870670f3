import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoModel
import JixiaoImport
import JixiaoReport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Help.abstract(zh: "导入文档中的绩效自评表，输出为自评表 YAML。",
                                en: "Import the self-evaluation tables of a document's text as submission YAML."),
        discussion: Help.discussion(zh: """
            读取部门决算、绩效自评报告的文本（UTF-8 或 GBK/GB18030）：以制表符或“|”分隔的表格、PDF 文本、每行一个\
            单元格的文本均可；.xlsx 工作簿的各工作表按制表符分隔的行读取（第 N 行即第一个工作表的第 N 行；其后每个\
            工作表前有一个空行和一行工作表名称）；.docx Word 文档的表格按制表符分隔的行读取，其他段落按行读取，顺序\
            与文档相同；保存的网页（.htm、.html，UTF-8 或声明的 GBK）的表格按制表符分隔的行读取，合并单元格留空，\
            其他文字按行读取；有文字层的 PDF（.pdf）按边框或列间距逐页还原表格（扫描件须先做文字识别（OCR））；\
            旧版 Office/WPS 文件（.doc、.wps、.xls、.et）先由 LibreOffice（soffice）转换为 .docx 或 .xlsx。行号按\
            上述文本计算。每张表写到标准输出（各 YAML 文档以 --- 分隔），或用 --out 每张表写一个文件。无法读取的内容\
            列在标准错误输出中，并写入 YAML 的 notes: 下。
            """, en: """
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
            """))

    @Option(help: Help.text(zh: "读取说明（notes）的语言：zh（中文）或 en（英文）。", en: "Language of notes: zh or en.", showsDefault: true))
    var lang: Language = .zh

    @Option(help: Help.text(zh: "每张表写成一个文件，放入这个文件夹，而不写到标准输出。",
                            en: "Write one file per table into this folder instead of standard output."))
    var out: String?

    @Option(help: Help.text(zh: "记入每张表的地区（如 安徽省合肥市）。", en: "Region to record on every table (e.g. 安徽省合肥市)."))
    var region: String?

    @Option(help: Help.text(zh: "评分规则文件所在的目录，其中 vocabulary/tables.yaml 列出读取表格所依据的词语（默认：最近的 Rubrics/ 目录，或环境变量 $JIXIAO_RUBRICS）。",
                            en: "Folder of rubric files, whose vocabulary/tables.yaml holds the words tables are read by (default: the nearest Rubrics/ folder, or $JIXIAO_RUBRICS)."))
    var rubrics: String?

    @Argument(help: Help.text(zh: "文档文本文件、.xlsx 工作簿、.docx Word 文档、.htm/.html 网页、.pdf 文件，或经 LibreOffice 转换的 .doc/.wps/.xls/.et 文件。",
                              en: "Document text files, .xlsx workbooks, .docx Word documents, .htm/.html web pages, .pdf files, or .doc/.wps/.xls/.et through LibreOffice."))
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
