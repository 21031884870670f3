import Testing
@testable import JixiaoModel

struct SubmissionWriterTests {
    @Test func quotesEverythingThatCouldReadAsSomethingElse() throws {
        #expect(SubmissionWriter.quoted("null") == "\"null\"")
        #expect(SubmissionWriter.quoted("say \"优\"\\") == "\"say \\\"优\\\"\\\\\"")
        #expect(SubmissionWriter.quoted("a\nb") == "\"a\\nb\"")
    }
}
