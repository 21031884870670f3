import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoAudit
import JixiaoReport

/// `jixiao audit` and `jixiao score`: the same run, showing findings or the scorecard first.
protocol AuditingCommand: ParsableCommand {
    var options: CommonOptions { get }
    var files: [String] { get }
    var showsScorecard: Bool { get }
    var explains: Bool { get }
    var fills: Bool { get }
}

extension AuditingCommand {
    func run() throws {
        let language = options.lang
        let engine: Engine
        do {
            engine = try options.audit.engine()
        } catch {
            try finish(Terminal.report(error, language: language))
            return
        }
        var results: [AuditResult] = []
        var errors: [InputError] = []
        var status = ExitStatus.clean
        var filled = 0
        for file in files {
            do {
                let fileResults = try engine.audit(path: file)
                results += fileResults
                if fills {
                    for result in fileResults {
                        // Several tables print as a YAML stream; save each document as its own file.
                        Terminal.print((filled > 0 ? "---\n" : "") + ScoreFiller.fill(result.scorecard).yaml(language: language))
                        filled += 1
                    }
                } else if options.format == .text {
                    for result in fileResults { Terminal.print(text(result)) }
                }
            } catch let error as InputError {
                errors.append(error)
                status = .unusableInput
                if options.format == .text { _ = Terminal.report(error, language: language) }
            } catch let error as InputErrors {
                errors += error.errors
                status = .unusableInput
                if options.format == .text { _ = Terminal.report(error, language: language) }
            } catch {
                try finish(Terminal.report(error, language: language))
            }
        }
        if options.format == .json && !fills {
            Terminal.print(JSONReport.document(results, errors: errors, language: language))
            if !errors.isEmpty {
                for error in errors { Terminal.printError(InputErrorReport.render(error, language: language)) }
            }
        }
        if !fills, options.format == .html || options.format == .markdown {
            for error in errors { Terminal.printError(InputErrorReport.render(error, language: language)) }
            if options.format == .html && results.count > 1 {
                Terminal.printError(language == .zh
                    ? "--format html 只输出一张表的报告，而输入中有 \(results.count) 张表；多张表请用 batch"
                    : "--format html writes the report of one table, and the input has \(results.count); use batch for several")
                try finish(.unusableInput)
            }
            let pages = results.map { result in
                options.format == .html ? HTMLReport.render(result, language: language) : MarkdownReport.render(result, language: language)
            }
            FileHandle.standardOutput.write(Data(pages.joined(separator: "\n---\n\n").utf8))
        }
        if status == .clean, !fills, results.contains(where: { ($0.worstSeverity.map { $0 >= options.failOn }) ?? false }) {
            status = .findings
        }
        try finish(status)
    }

    private func text(_ result: AuditResult) -> String {
        let style = options.style
        var parts = [TextReport.heading(result, language: options.lang, style: style)]
        if showsScorecard { parts.append(TextReport.scorecard(result, language: options.lang, style: style)) }
        if explains { parts.append(TextReport.explanation(result.scorecard, language: options.lang, style: style)) }
        parts.append(TextReport.findings(result, language: options.lang, style: style))
        return parts.joined(separator: "\n\n") + "\n"
    }
}

extension Help {
    /// What `audit` and `score` read.
    static var tables: ArgumentHelp {
        text(zh: "要读取的表：自评表 YAML、公开文档的文本（.txt）、Excel 工作簿（.xlsx）、Word 文档（.docx）、网页（.htm、.html）、PDF（.pdf），以及经 LibreOffice 转换的旧版 Office/WPS 文件（.doc、.wps、.xls、.et）。",
             en: "Tables to read: submission YAML, published-document text (.txt), Excel workbooks (.xlsx), Word documents (.docx), web pages (.htm, .html), PDFs (.pdf), or old Office/WPS files (.doc, .wps, .xls, .et) converted with LibreOffice.")
    }
}

struct Audit: AuditingCommand {
    static let configuration = CommandConfiguration(
        abstract: Help.abstract(zh: "审核自评表：列出每一处不一致，以及它的问题代码、严重程度和位置。",
                                en: "Audit tables: report every inconsistency with its code, severity and position."))

    @OptionGroup var options: CommonOptions

    @Argument(help: Help.tables)
    var files: [String]

    var showsScorecard: Bool { false }
    var explains: Bool { false }
    var fills: Bool { false }
}

struct Score: AuditingCommand {
    static let configuration = CommandConfiguration(
        abstract: Help.abstract(zh: "重算自评表：预算执行、各一级指标、总分和等级，自评与核定逐项对照。",
                                en: "Recompute tables: budget row, categories, total and grade, claimed against computed."))

    @OptionGroup var options: CommonOptions

    @Flag(help: Help.text(zh: "说明每个指标的得分是怎样得出的：所用规则、自评、核定和计算式。",
                          en: "Show how every indicator's points were reached: rule, claimed, computed and formula."))
    var explain = false

    @Argument(help: Help.tables)
    var files: [String]

    @Flag(help: Help.text(zh: "把每张表输出为自评表 YAML，未填的得分按评分规则补上（定性指标取所在档次的上限，并加注说明）。",
                          en: "Print each table back as submission YAML with every absent score filled in by the rules (qualitative ones with their band's top, and a note)."))
    var fill = false

    var showsScorecard: Bool { true }
    var explains: Bool { explain }
    var fills: Bool { fill }

    func validate() throws {
        if fill, options.format != .text {
            throw ValidationError(options.lang == .zh
                ? "--fill 输出的是自评表 YAML，不能与 --format \(options.format.rawValue) 同用"
                : "--fill prints submission YAML; it cannot be combined with --format \(options.format.rawValue)")
        }
    }
}
