import Testing
@testable import JixiaoModel
import JixiaoTestSupport

struct SubmissionWriterTests {
    @Test func quotesEverythingThatCouldReadAsSomethingElse() throws {
        #expect(SubmissionWriter.quoted("null") == "\"null\"")
        #expect(SubmissionWriter.quoted("say \"优\"\\") == "\"say \\\"优\\\"\\\\\"")
        #expect(SubmissionWriter.quoted("a\nb") == "\"a\\nb\"")
    }

    /// Names as imported documents may hold them: control characters, NEL and U+2028 (which a
    /// YAML reader takes for line breaks), DEL and U+FFFE (which libyaml refuses in a stream).
    @Test(arguments: ["单位\u{01}\u{1F}\t", "甲\u{85}乙\u{2028}丙\u{2029}", "删\u{7F}除\u{80}\u{9F}", "非\u{FFFE}\u{FFFF}字", "“引号”\u{A0}（全角）"])
    func namesReadBackAsWritten(name: String) throws {
        var submission = try Submission.load(path: Project.example("seed-003-department-2021.yaml"))
        submission.unit = name
        let reread = try Submission.parse(Array(SubmissionWriter.yaml(submission).utf8), file: "out.yaml")
        #expect(reread.unit == name)
    }
}
