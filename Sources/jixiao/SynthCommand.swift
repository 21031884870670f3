import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoSynth

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: Help.abstract(zh: "生成仿真的合成自评表，其中埋入错误，并附一份埋入了什么的清单。",
                                en: "Write realistic synthetic submissions with planted mistakes, and a manifest of what was planted."))

    @Option(help: Help.text(zh: "生成多少张表。", en: "How many tables to write.", showsDefault: true))
    var count: Int = 100

    @Option(help: Help.text(zh: "生成器的随机种子：种子相同，生成的文件也相同。", en: "Seed of the generator: the same seed writes the same files.", showsDefault: true))
    var seed: UInt64 = 1

    @Option(help: Help.text(zh: "埋入错误的表所占的比例（0 到 1）。", en: "Share of tables with a planted mistake (0 to 1).", showsDefault: true))
    var mistakes: Double = 0.3

    @Option(help: Help.text(zh: "输出文件夹。", en: "Output folder."))
    var out: String

    func run() throws {
        let manifest = try Synth(seed: seed, mistakeRate: mistakes).write(count: count, to: out)
        Terminal.print("wrote \(count) tables (\(manifest.planted.count) with a planted mistake) to \(out)/, manifest \(out)/\(Synth.manifestName)")
    }
}
