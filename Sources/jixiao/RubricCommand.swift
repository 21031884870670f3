import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoBase
import JixiaoModel
import JixiaoReport

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric", abstract: Help.abstract(zh: "列出、查看和检查评分规则文件。", en: "List, show and check rubric files."),
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.abstract(zh: "列出评分规则目录中的评分规则。", en: "List the rubrics of the rubric folder."))
        @OptionGroup var options: RubricOptions

        func run() throws {
            do {
                let engine = try Engine(rubricDirectory: options.rubrics)
                for rubric in engine.catalog.rubrics {
                    Terminal.print("\(rubric.id)\t\(RubricText.applies(rubric, options.lang))\t\(rubric.title(options.lang))")
                }
            } catch {
                try finish(Terminal.report(error, language: options.lang))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.abstract(zh: "查看一个评分规则：分值、计分规则、舍入和等级。", en: "Show one rubric: weights, rules, rounding and grades."))
        @OptionGroup var options: RubricOptions
        @Argument(help: Help.text(zh: "评分规则 ID 或文件路径。", en: "Rubric id or file path.")) var rubric: String

        func run() throws {
            do {
                let engine = try Engine(rubricDirectory: options.rubrics, rubricReference: rubric)
                Terminal.print(RubricText.describe(engine.rubric!, options.lang))
            } catch {
                try finish(Terminal.report(error, language: options.lang))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.abstract(zh: "校验评分规则文件，列出每个问题及其位置。",
                                    en: "Validate rubric files and report every problem with its position."))
        @OptionGroup var options: RubricOptions
        @Argument(help: Help.text(zh: "评分规则文件。", en: "Rubric files.")) var files: [String]

        func run() throws {
            var status = ExitStatus.clean
            for file in files {
                do {
                    let rubric = try Rubric.load(path: file)
                    Terminal.print(options.lang == .zh ? "\(file): 通过（\(rubric.id)）" : "\(file): ok (\(rubric.id))")
                } catch {
                    let reported = Terminal.report(error, language: options.lang)
                    if reported.rawValue > status.rawValue { status = reported }
                }
            }
            try finish(status)
        }
    }
}
