import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoSynth

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write realistic synthetic submissions with planted mistakes, and a manifest of what was planted.")

    @Option(help: "How many tables to write.")
    var count: Int = 100

    @Option(help: "Seed of the generator: the same seed writes the same files.")
    var seed: UInt64 = 1

    @Option(help: "Share of tables with a planted mistake (0 to 1).")
    var mistakes: Double = 0.3

    @Option(help: "Output folder.")
    var out: String

    func run() throws {
        let manifest = try Synth(seed: seed, mistakeRate: mistakes).write(count: count, to: out)
        Terminal.print("wrote \(count) tables (\(manifest.planted.count) with a planted mistake) to \(out)/, manifest \(out)/\(Synth.manifestName)")
    }
}
