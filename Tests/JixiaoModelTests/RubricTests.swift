import Foundation
import Testing
import JixiaoBase
@testable import JixiaoModel
import JixiaoTestSupport

struct RubricTests {
    @Test func everyBundledRubricLoadsAndValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Project.path("Rubrics")).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 2)
        for file in files {
            let rubric = try Rubric.load(path: Project.path("Rubrics/\(file)"))
            // Ranges and points the table sets must allow the total; fixed points add up to it.
            let least = rubric.categories.reduce(rubric.budget.points) { $0 + $1.allowed.lower }
            let most = rubric.categories.reduce(Optional(rubric.budget.points)) { sum, category in
                sum.flatMap { s in category.allowed.upper.map { s + $0 } }
            }
            #expect(least <= rubric.total, "\(file)")
            #expect(most.map { $0 >= rubric.total } ?? true, "\(file)")
        }
    }

    @Test func nationalSchemesHaveTheirWeights() throws {
        let r2020 = try #require(Project.catalog.rubric(id: "national-2020"))
        #expect(r2020.categories.map(\.points) == [50, 30, 10])
        #expect(r2020.category(named: "产出")?.subcategories.contains { $0.name == "成本指标" && $0.rule == .reverse } == true)
        let r2024 = try #require(Project.catalog.rubric(id: "national-2024"))
        #expect(r2024.categories.map(\.points) == [40, 20, 10, 20])
        #expect(r2024.category(named: "成本 指标")?.rule == .reverse)
        #expect(r2024.grade(of: 90)?.name == "优")
        #expect(r2024.grade(of: Fixed("89.99")!)?.name == "良")
        #expect(r2024.grade(of: 100)?.name == "优")
        #expect(r2024.grade(of: 0)?.name == "差")
        #expect(r2024.grade(named: "优秀")?.name == "优")
    }

    /// Each broken fixture fails with the expected code at the expected line.
    @Test(arguments: [
        ("points-dont-add.yaml", InputError.Code.invalidRubric, 15),
        ("grade-gap.yaml", .invalidRubric, 35),
        ("band-overlap.yaml", .invalidRubric, 28),
        ("unknown-rule.yaml", .invalidValue, 25),
        ("misspelt-key.yaml", .unknownKey, 10),
        ("syntax-error.yaml", .yamlSyntax, 7),
        ("wrong-type.yaml", .wrongType, 10),
        ("missing-points.yaml", .missingField, 15),
    ])
    func brokenRubricsAreRefusedWithPositions(file: String, code: InputError.Code, line: Int) {
        let path = Project.fixture("rubrics/broken/\(file)")
        #expect {
            _ = try Rubric.load(path: path)
        } throws: { error in
            let errors = (error as? InputErrors)?.errors ?? [error as? InputError].compactMap { $0 }
            return errors.contains { $0.code == code && $0.location.line == line && $0.location.file == path }
        }
    }

    /// A folder with several broken rubrics lists every one's problems in one run, not the
    /// first file's only.
    @Test func aRubricFolderListsEveryBrokenRubric() throws {
        let folder = NSTemporaryDirectory() + "jixiao-rubric-folder-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in ["grade-gap.yaml", "misspelt-key.yaml"] {
            try FileManager.default.copyItem(atPath: Project.fixture("rubrics/broken/\(file)"), toPath: folder + "/" + file)
        }
        try FileManager.default.copyItem(atPath: Project.path("Rubrics/national-2024.yaml"), toPath: folder + "/national-2024.yaml")
        #expect {
            _ = try RubricCatalog.load(directory: folder)
        } throws: { error in
            let files = Set(((error as? InputErrors)?.errors ?? []).map { ($0.location.file as NSString).lastPathComponent })
            return files == ["grade-gap.yaml", "misspelt-key.yaml"]
        }
    }

    @Test func misspeltKeysGetASuggestion() {
        #expect {
            _ = try Rubric.load(path: Project.fixture("rubrics/broken/misspelt-key.yaml"))
        } throws: { error in
            (error as? InputError)?.hint?.en == "did you mean 'budget'?"
        }
    }

    @Test func rubricIsChosenByLevelYearAndRegion() throws {
        let s2021 = try Submission.load(path: Project.example("seed-003-department-2021.yaml"))
        #expect(try Project.catalog.choose(for: s2021).rubric.id == "national-2020")
        let s2024 = try Submission.load(path: Project.example("seed-000-department-2024.yaml"))
        #expect(try Project.catalog.choose(for: s2024).rubric.id == "national-2024")
    }
}

struct LabelKeyTests {
    /// Labels are compared by letters: spaces dropped, full-width forms folded, composed.
    @Test func labelsWrittenDifferentlyHaveOneKey() {
        #expect(LabelKey("产出指标") == LabelKey("产出 指标"))
        #expect(LabelKey("（一）产出") == LabelKey("(一)产出"))
        #expect(LabelKey("Ｑuality") == LabelKey("Quality"))
        #expect(LabelKey("e\u{301}") == LabelKey("\u{E9}"))
        #expect(LabelKey("产出指标") != LabelKey("效益指标"))
    }

    /// A label taken as its own key (the fast path) is one the full normalisation leaves as it
    /// is, for every scalar around the ranges the fast path accepts.
    @Test func aPlainLabelIsItsOwnNormalisedForm() {
        let probes: [ClosedRange<UInt32>] = [0x0...0x2FF, 0x2000...0x206F, 0x3000...0x30FF, 0x3400...0x4E10, 0x9FF0...0xA010,
                                              0xAC00...0xAC10, 0xFF00...0xFFFF, 0x1F600...0x1F610, 0x20000...0x20010]
        var plain = 0
        for range in probes {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let label = "指标" + String(Character(scalar))
                guard LabelKey.isPlain(label) else { continue }
                plain += 1
                #expect(Rubric.normalizedLabel(label) == label, "U+\(String(value, radix: 16))")
                #expect(label.precomposedStringWithCanonicalMapping == label, "U+\(String(value, radix: 16))")
            }
        }
        #expect(plain > 1000, "the fast path takes ASCII letters and CJK ideographs")
        #expect(!LabelKey.isPlain("产出 指标") && !LabelKey.isPlain("（一）") && !LabelKey.isPlain("\u{3000}"))
    }

    /// Normalising drops exactly Unicode's white space and folds full-width forms, whatever
    /// else the label holds.
    @Test func normalisingDropsWhiteSpaceAndFoldsFullWidthForms() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kept = scalar.properties.isWhitespace ? "" : String(Character(scalar))
            #expect(Rubric.normalizedLabel("指（\(Character(scalar))）") == "指(\(kept))", "U+\(String(value, radix: 16))")
        }
        #expect(Rubric.normalizedLabel("产出\u{3000}指标（一） ") == "产出指标(一)")
    }
}
