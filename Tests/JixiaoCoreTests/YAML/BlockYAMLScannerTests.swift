import CYAML
import Testing
@testable import JixiaoCore

/// `BlockYAMLScanner` either refuses an input or gives libyaml's own events for it: the type,
/// position, text and style of each, which is all the event reader looks at.
struct BlockYAMLScannerTests {
    /// What the event reader sees of an event.
    struct Seen: Equatable, CustomStringConvertible {
        var type: UInt32
        var line = 0, column = 0
        var text: String?
        var style: UInt32?

        init(_ event: yaml_event_t) {
            type = event.type.rawValue
            guard [YAML_SCALAR_EVENT, YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT].contains(event.type) else { return }
            line = event.start_mark.line
            column = event.start_mark.column
            if event.type == YAML_SCALAR_EVENT {
                let scalar = event.data.scalar
                text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                style = scalar.style.rawValue
            }
        }

        var description: String { "\(type)@\(line):\(column)\(text.map { " \($0.debugDescription)" } ?? "")\(style.map { "/\($0)" } ?? "")" }
    }

    /// libyaml's events for `bytes`, or nil where it stops with an error.
    static func libyaml(_ bytes: [UInt8]) -> [Seen]? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var seen: [Seen] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                seen.append(Seen(event))
                if event.type == YAML_STREAM_END_EVENT { return seen }
            }
            return nil
        }
    }

    /// The scanner's events for `bytes`, as the event reader receives them; nil where it refuses.
    static func scanned(_ bytes: [UInt8]) -> [Seen]? {
        bytes.withUnsafeBufferPointer { input in
            guard let events = BlockYAMLScanner.scan(input) else { return nil }
            return events.scratch.withUnsafeBufferPointer { scratch in
                events.list.map { Seen($0.libyamlEvent(input: input, scratch: scratch)) }
            }
        }
    }

    /// Checks the scanner against libyaml on `bytes`; returns whether the scanner read it.
    @discardableResult
    static func compare(_ bytes: [UInt8], _ comment: Comment? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let scanned = scanned(bytes) else { return false }
        let expected = libyaml(bytes)
        #expect(expected != nil, "libyaml refuses what the scanner read. \(comment?.rawValue ?? "")", sourceLocation: sourceLocation)
        if let expected, expected != scanned {
            let at = zip(expected, scanned).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, scanned.count)
            let libyaml = at < expected.count ? expected[at].description : "none"
            let scanner = at < scanned.count ? scanned[at].description : "none"
            Issue.record("event \(at): libyaml \(libyaml), scanner \(scanner). \(comment?.rawValue ?? "")",
                         sourceLocation: sourceLocation)
        }
        return true
    }

    /// Plain submissions: synthesised, the examples, imported tables as `SubmissionWriter` writes them.
    static func submissions() throws -> [String] {
        var texts = (0..<200).map { Synth(seed: 7, mistakeRate: 0.5).generate(index: $0).yaml }
        texts += try SubmissionEventReaderTests.examples.map { String(decoding: try InputFile.read(Project.path($0)), as: UTF8.self) }
        for name in ["seed-000.txt", "seed-003.txt", "tabbed-department.txt", "piped-project.txt"] {
            let document = try Documents.imported(name)
            for (index, table) in document.tables.enumerated() {
                texts.append(SubmissionWriter.yaml(table, notes: document.notes.filter { $0.table == index + 1 }))
            }
        }
        return texts
    }

    @Test func readsPlainSubmissionsAsLibyamlDoes() throws {
        for (index, text) in try Self.submissions().enumerated() {
            #expect(Self.compare(Array(text.utf8), "submission \(index)"), "refused submission \(index)")
            let windows = text.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(Self.compare(Array(windows.utf8), "submission \(index), CRLF"), "refused submission \(index) with CRLF")
        }
    }

    /// Inputs in the subset, each with something the scanner must get exactly right.
    static let accepted = [
        "a: 1", "a: 1\n", "a:\n", "a:", "a: # only a comment\nb: 2\n", "a:   spaced   \n", "a: x # c\n", "a: x#y\n",
        "a: 10:30\n", "a: http://example.com/x?y=1\n", "a: -3\n", "a: ---\n", "a: x - y\n", "a: ok [x] {y} in text\n",
        "a: 优, 良\n", "a: ~\n", "a: \"\"\n", "a: ''\n", "a: \"x: y # z\"  # c\n", "a: 'it''s'\n", "a: ''''\n",
        "a: \"q\\\"uote\\\\ \\/ \\n \\t \\r \\x41\\xe9\"\n", "a: 中文 文本\n", "a: \u{A0}x\n", "a: x\u{A0}\n",
        "\n\n# top\n  # indented\na: 1\n\n\nb: 2\n",
        "a:\n  b: 1\n  c:\n    d: 2\ne: 3\n", "a:\n   b: 1\n   c: 2\n",
        "l:\n  - x\n  - \"y\"\n  - 'z'  # c\n", "l:\n  - a: 1\n    b: 2\n  - a: 3\n",
        "l:\n  -   a: 1\n      b: 2\nm: 3\n", "l:\n  - a:\n      - b: 1\n  - c:\n", "l:\n    - a: 1\n    # c\n    - a: 2\n",
        "a: x\n     # deeper comment\nb: y\n", "key_1-x: v\n", "a: # c\n  b: 1\n",
        "a: 1\r\n", "a: x  \r\nb:\r\n  - 'y'\r\n\r\n", "a: 1\nb:\n  # comment under b\nc: 2\n",
    ]

    @Test func readsTheSubsetAsLibyamlDoes() {
        for text in Self.accepted {
            #expect(Self.compare(Array(text.utf8), "\(text.debugDescription)"), "refused \(text.debugDescription)")
        }
    }

    /// Inputs outside the subset: libyaml reads or rejects them in ways the scanner does not copy.
    static let refused = [
        "", "# only a comment\n", "- a\n", "a scalar\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
        "\u{FEFF}a: 1\n", "a:\t1\n", "a: 1\r", "a: 1\rb: 2\n", "a: x\ry\n", "a: x\u{85}y\n", "a: x\u{2028}y\n",
        "a: \u{1}\n", "a: \u{7F}\n",
        "a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: x\n  continued\n", "a: x\n\n  continued\n", "a: 'x\n  y'\n", "a: \"x\n  y\"\n", "a: \"\\u00e9\"\n", "a: \"\\e\"\n",
        "a: \"x\" y\n", "a: \"x\"# c\n", "a: b: c\n", "a: b:\n", "a:b\n", "a : b\n", "\"a\": b\n", "? a\n: b\n",
        "a:\n- x\n", "a:\n  - x\n  b: 1\n", "a:\n  b: 1\n c: 2\n", " a: 1\n", "a: 1\n  b: 2\n", "l:\n  -\n    a: 1\n",
        "l:\n  - - x\n", "l:\n  - # c\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: ,x\n", "a: ]\n", "a: ?x\n", "a: :x\n",
        "a: - x\n", String(repeating: "k", count: 1_100) + ": v\n",
    ]

    @Test func refusesWhatIsOutsideTheSubset() {
        for text in Self.refused {
            #expect(Self.scanned(Array(text.utf8)) == nil, "read \(text.debugDescription)")
        }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        let values: [[UInt8]] = [[0xFF], [0xC3], [0xE4, 0xB8], [0xE4, 0x41, 0x41], [0xE4, 0xB8, 0xC0], [0xC0, 0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        for value in values {
            let bytes = Array("a: ".utf8) + value + [0x0A]
            #expect(Self.scanned(bytes) == nil, "read \(bytes)")
        }
    }

    /// Small edits anywhere in real submissions — a YAML indicator, a space, a line break, a
    /// quote, a character libyaml treats specially — put in or taken out: wherever the scanner
    /// still reads the result, it reads it as libyaml does.
    @Test func agreesWithLibyamlOnEditedSubmissions() throws {
        let pieces = [" ", "  ", "-", "- ", ":", ": ", "#", " #", "\"", "'", "''", "\\", "\\x4", "\\n", "\n", "\n  ", "\n- ",
                      "\t", "\r", "\r\n", "x", "中", "[", "]", "{", "&a ", "*a", "!", "|", ">", "?", "%", "@", "`", ",", "~",
                      "\u{85}", "\u{2028}", "\u{FEFF}", "\u{A0}", "---", "..."]
        let texts = try Self.submissions().map { Array($0.utf8) }
        var random = SplitMix64(seed: 11)
        var read = 0
        let rounds = 4_000
        for round in 0..<rounds {
            var bytes = texts[round % texts.count]
            for _ in 0...random.below(2) {
                let at = random.below(bytes.count + 1)
                if random.below(3) == 0 {
                    bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(3)))
                } else {
                    bytes.insert(contentsOf: Array(pieces[random.below(pieces.count)].utf8), at: at)
                }
            }
            if Self.compare(bytes, "round \(round)") { read += 1 }
        }
        // Most edits leave the subset; enough stay in it for the comparison to count.
        #expect(read > rounds / 10, "\(read) of \(rounds) read")
    }
}
