import PropertyBased
import Testing
import JixiaoBase
@testable import JixiaoReport

/// The escaping the HTML and Markdown renderers append with: the HTML escape replaces exactly
/// five characters, and the Markdown fast path (appending a cell whole) is taken only when
/// escaping would change nothing.
struct ReportEscapingTests {
    /// Text around the characters either escape treats specially, line breaks of every kind and
    /// combining marks that join the character before them.
    static let pieces: [String] = [
        "<", ">", "&", "\"", "'", "\\", "|", "*", "_", "`", "[", "]", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}",
        "\u{85}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", " ", "  ", "a", "单位", "—", "…", "≥", "“", "”",
        "\u{0301}", "\u{200D}", "😀", "é", "Ａ", "&amp;", "#", "-", "1.5",
    ]
    static let soup = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    @Test func htmlEscapeReplacesTheFiveCharacters() {
        #expect(HTMLText.escape(#"<a href="x">Tom & 'Jerry'</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("单位 — 100% ≥ 90") == "单位 — 100% ≥ 90")
        #expect(HTMLText.escape("") == "")
    }

    /// A quote followed by a combining mark is one character, but it still ends an attribute value.
    @Test func htmlEscapeWorksOnBytesNotCharacters() {
        #expect(HTMLText.escape("a\"\u{0301}b <\u{0301} &\u{200D}") == "a&quot;\u{0301}b &lt;\u{0301} &amp;\u{200D}")
    }

    @Test func htmlEscapeMatchesCharacterByCharacterReplacement() async {
        await propertyCheck(count: 2000, input: Self.soup) { text in
            let expected = text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "<": "&lt;"
                case ">": "&gt;"
                case "&": "&amp;"
                case "\"": "&quot;"
                case "'": "&#39;"
                default: String(scalar)
                }
            }.joined()
            #expect(HTMLText.escape(text) == expected)
        }
    }

    @Test func markdownCellsAreAppendedAsEscaped() async {
        await propertyCheck(count: 3000, input: Self.soup) { text in
            var appended = TextBuffer(capacity: 0)
            appended += "x"
            appended.append(markdownCell: text)
            #expect(appended.text == "x" + MarkdownReport.escape(text))
            if !MarkdownReport.needsEscape(text) {
                #expect(MarkdownReport.escape(text) == text)
            }
        }
    }

    @Test func figuresAreWrittenAsTheirDigitsAndTextsEscaped() async {
        await propertyCheck(count: 1000, input: Self.soup) { text in
            let figures: [ReportModel.Figure] = [
                .text(text), .printed(PrintedNumber(Fixed("-12.5")!, decimals: 2, isPercent: true)),
                .computed(Fixed("9.630")!, decimals: 2), .absent,
            ]
            var markdown = TextBuffer(capacity: 0), html = TextBuffer(capacity: 0)
            for figure in figures {
                markdown.append(markdownCell: figure)
                html.append(html: figure)
            }
            #expect(markdown.text == MarkdownReport.escape(text) + "-12.50%9.63—")
            #expect(html.text == HTMLText.escape(text) + "-12.50%9.63—")
        }
    }

    @Test func markdownEscapeFoldsLineBreaksAndEscapesPunctuation() {
        #expect(MarkdownReport.escape("a | b\n*c*\u{2028}[d]") == "a \\| b \\*c\\* \\[d\\]")
        #expect(MarkdownReport.needsEscape("单位 — 100% ≥ 90 “引号”") == false)
        #expect(MarkdownReport.needsEscape("行\u{2029}分") == true)
        #expect(MarkdownReport.needsEscape("下\u{85}一") == true)
    }

    /// Any single byte among Chinese text: only the escaped punctuation and `\n`…`\r` need an
    /// escape; a lone first byte of NEL or U+2028 does not.
    @Test func markdownScanStopsAtEscapedBytesOnly() {
        let escaped = Set("\\|*_`<>[]".utf8).union(0x0A...0x0D)
        var misses: [UInt8] = []
        for byte in UInt8.min...UInt8.max {
            let bytes = Array("单位".utf8) + [byte] + Array("完成率".utf8)
            if bytes.withUnsafeBufferPointer(MarkdownReport.needsEscape) != escaped.contains(byte) { misses.append(byte) }
        }
        #expect(misses.isEmpty, "\(misses)")
    }

    /// Each word is escaped once per language, as the renderers append it.
    @Test func labelsAreEscapedOncePerLanguage() {
        for language in Language.allCases {
            for label in ReportLabel.allCases {
                #expect(ReportLabels.html(language)[label] == HTMLText.escape(label.text.text(language)))
                #expect(ReportLabels.markdown(language)[label] == MarkdownReport.escape(label.text.text(language)))
                #expect(ReportLabels.plain(language)[label] == label.text.text(language))
            }
        }
    }
}
