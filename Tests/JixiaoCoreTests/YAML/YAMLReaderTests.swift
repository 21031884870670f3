import Foundation
import Testing
@testable import JixiaoCore

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
}
