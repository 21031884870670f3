import Foundation
import Testing
import JixiaoBase
@testable import JixiaoModel

struct YAMLReaderTests {
    private func read(_ text: String, limits: YAMLLimits = YAMLLimits()) throws(InputError) -> YAMLNode {
        try YAMLReader.document(Array(text.utf8), file: "t.yaml", limits: limits)
    }

    @Test func nodesKeepTheirPositions() throws {
        let root = try read("a: 1\nlist:\n  - x\n  - name: 中文\n    value: '9.60'\n")
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        #expect(pairs.map { $0.key.scalar } == ["a", "list"])
        guard case .sequence(let items) = pairs[1].value.content, case .mapping(let inner) = items[1].content else {
            Issue.record("not a list of mappings"); return
        }
        #expect(items[0].line == 3 && items[0].column == 5)
        #expect(inner[1].value.scalar == "9.60")
        #expect(inner[1].value.line == 5 && inner[1].value.column == 12)
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect {
            _ = try read("a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == .yamlSyntax && error.location.line >= 2 && error.location.file == "t.yaml"
        }
    }

    @Test func syntaxErrorsLeadInChineseWithTheirLine() throws {
        let error = try #require(throws: InputError.self) { try read("a: b: c\n") }
        #expect(error.message.zh.hasPrefix("YAML 语法错误（第 1 行）：此处不能再写“键: 值”"))
        #expect(error.message.zh.contains("libyaml：mapping values are not allowed"))
        #expect(error.message.en == "YAML syntax error: mapping values are not allowed in this context")
        let tab = try #require(throws: InputError.self) { try read("a:\n\tb: 1\n") }
        #expect(tab.message.zh.contains("制表符"))
    }

    @Test func aliasesThatExplodeAreRefused() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let names = "bcdefghij".map(String.init)
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
            previous = name
        }
        #expect {
            _ = try read(text)
        } throws: { ($0 as? InputError)?.code == .yamlAliasBomb }
    }

    @Test func smallAliasesAreRead() throws {
        let root = try read("base: &b {x: 1}\ncopy: *b\n")
        guard case .mapping(let pairs) = root.content, case .mapping(let copy) = pairs[1].value.content else {
            Issue.record("not read"); return
        }
        #expect(copy.first?.value.scalar == "1")
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect {
            _ = try read(text)
        } throws: { ($0 as? InputError)?.code == .yamlTooDeep }
    }

    @Test func emptyAndMultiDocumentFilesAreErrors() {
        #expect { _ = try read("# only a comment\n") } throws: { ($0 as? InputError)?.code == .emptyFile }
        #expect { _ = try read("a: 1\n---\nb: 2\n") } throws: { ($0 as? InputError)?.code == .yamlSyntax }
    }

    /// An alias stands for a copy of its anchor's node, placed where the alias is written;
    /// aliases inside an anchored node are copied with it.
    @Test func aliasesCopyTheirNodeWhereTheyAreWritten() throws {
        let root = try read("a: &a {x: &x 1, y: [*x, 2]}\nb: [*a, *x]\n")
        guard case .mapping(let pairs) = root.content, case .sequence(let copies) = pairs[1].value.content,
              case .mapping(let copy) = copies[0].content, case .sequence(let inner) = copy[1].value.content else {
            Issue.record("not read"); return
        }
        #expect(copies[0].line == 2 && copies[0].column == 5)
        #expect(copy.map { $0.key.scalar } == ["x", "y"])
        #expect(copy[0].value.line == 1 && copy[0].value.column == 11, "a copy's insides keep the anchor's positions")
        #expect(inner.map(\.scalar) == ["1", "2"])
        #expect(copies[1].scalar == "1" && copies[1].column == 9)
    }

    @Test func anAliasNeedsAnAnchorClosedBeforeIt() {
        #expect { _ = try read("a: &a [1, *a]\n") } throws: { ($0 as? InputError)?.code == .yamlSyntax }
        #expect { _ = try read("a: &a 1\n---\nb: *a\n") } throws: { ($0 as? InputError)?.code == .yamlSyntax }
        #expect(throws: Never.self) { try YAMLReader.documents(Array("a: &a 1\nb: &a 2\nc: *a\n".utf8), file: "t.yaml") }
    }

    /// Every node an alias copies counts towards the limit, the insides of a copy too.
    @Test func aliasesCountEveryNodeTheyCopy() {
        let text = "a: &a [1, 2, 3, 4]\nb: [*a, *a]\n"  // each copy of `a` is 5 nodes
        #expect(throws: Never.self) { try read(text, limits: YAMLLimits(maxAliasNodes: 10)) }
        #expect { _ = try read(text, limits: YAMLLimits(maxAliasNodes: 9)) } throws: { ($0 as? InputError)?.code == .yamlAliasBomb }
    }

    /// Nesting is counted as written: a copy of a deep node placed deeper is not refused.
    @Test func nestingCountsWhatIsWritten() throws {
        let text = "a: &a [[[1]]]\nb: [[*a]]\n"
        #expect(throws: Never.self) { try read(text, limits: YAMLLimits(maxDepth: 4)) }
        #expect { _ = try read(text, limits: YAMLLimits(maxDepth: 3)) } throws: { ($0 as? InputError)?.code == .yamlTooDeep }
    }
}
