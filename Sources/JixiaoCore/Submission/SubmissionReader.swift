import Foundation

/// Reads the tables of an input file, whatever its format.
public enum SubmissionReader {
    public static func read(path: String) throws -> [Submission] {
        let bytes = try InputFile.read(path)
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            return [try Submission.parse(bytes, file: path)]
        }
        throw InputError(
            .unknownFormat, at: SourceLocation(file: path, line: 0),
            message: LocalizedText(zh: "无法识别的文件格式", en: "unknown file format"),
            hint: LocalizedText(zh: "支持 .yaml / .yml 自评表", en: "supported: .yaml / .yml self-evaluation tables"))
    }
}
