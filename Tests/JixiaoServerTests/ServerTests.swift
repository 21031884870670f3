import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import JixiaoBase
import JixiaoAudit
import JixiaoFormats
import JixiaoTestSupport
import ZIPFoundation
@testable import JixiaoServer

/// The web application over HTTP (HummingbirdTesting's router client): uploads, the audit
/// page, a batch run and its filters, the exports, and the safety checks.
struct ServerTests {
    /// A server over a fresh data folder and the project's rubrics.
    static func server(maxFileBytes: Int = 1 << 20, language: Language = .zh) throws -> WebServer {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-serve-\(UUID().uuidString)").path
        return try WebServer(configuration: ServeConfiguration(port: 8080, dataDirectory: data, language: language,
                                                               rubrics: Project.path("Rubrics"), maxFileBytes: maxFileBytes))
    }

    static func app(_ server: WebServer) -> some ApplicationProtocol {
        Application(router: server.router(checkingPort: 0))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// Creates a job and uploads `files` (client name, bytes) to it; returns its id.
    static func upload(_ client: some TestClientProtocol, _ files: [(String, Data)]) async throws -> String {
        let id = try await client.execute(uri: "/api/jobs", method: .post) { try json($0)["id"] as? String ?? "" }
        for (name, data) in files {
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
            try await client.execute(uri: "/api/jobs/\(id)/files?name=\(encoded)", method: .post, body: ByteBuffer(bytes: data)) { _ in }
        }
        return id
    }

    static func example(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: Project.example(name))) }

    /// The Chinese message of the total mismatch planted in seed-003, as the engine words it.
    static func totalMismatchMessage() throws -> String {
        let finding = try Project.audit(Project.example("seed-003-department-2021.yaml")).findings.first { $0.code == .totalMismatch }
        return Page.e(try #require(finding).message.text(.zh))
    }

    @Test func uploadedTableShowsItsReportWithTheTotalMismatch() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        let message = try Self.totalMismatchMessage()
        #expect(message.contains("96"))
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [("seed-003-department-2021.yaml", try Self.example("seed-003-department-2021.yaml"))])
            let url = try await client.execute(uri: "/api/jobs/\(id)/start", method: .post) { try Self.json($0)["url"] as? String }
            #expect(url == "/jobs/\(id)/tables/1")
            try await client.execute(uri: url ?? "", method: .get) { response in
                let page = Self.text(response)
                #expect(response.status == .ok)
                #expect(page.contains("total-mismatch"))
                #expect(page.contains(message))
                #expect(page.contains("class=\"jixiao-serve\""))
                #expect(page.contains("<code>seed-003-department-2021.yaml</code>"))
                #expect(!page.contains(server.configuration.dataDirectory))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
            try await client.execute(uri: "/jobs/\(id)", method: .get) { response in
                #expect(Self.text(response).contains(message))
            }
            // Each finding's place in the file, and the original for download under its generated name.
            try await client.execute(uri: url ?? "", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("id=\"places\""))
                #expect(page.range(of: #"<td style="[^"]*">第 \d+ 行</td>"#, options: .regularExpression) != nil)
                #expect(page.contains("href=\"/jobs/\(id)/tables/1/original\""))
            }
            let original = try Self.example("seed-003-department-2021.yaml")
            try await client.execute(uri: "/jobs/\(id)/tables/1/original", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == original)
                #expect(response.headers[.contentDisposition]?.contains("0001-seed-003-department-2021.yaml") == true)
            }
            try await client.execute(uri: "/jobs/\(id)/tables/2/original", method: .get) { response in #expect(response.status == .notFound) }
        }
        #expect(OriginalFile.isInside("/data/jobs/x/inputs/0001-a.yaml", folder: "/data"))
        #expect(!OriginalFile.isInside("/data/../etc/passwd", folder: "/data"))
        #expect(!OriginalFile.isInside("/database.yaml", folder: "/data"))
        #expect(OriginalFile.response("/etc/passwd", dataDirectory: server.configuration.dataDirectory) == nil)
    }

    @Test func aBadFileShowsTheCommandLinesErrorInThePage() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [("坏表<b>.yaml", Data("unit: [unclosed\nyear: 2024\n".utf8))])
            let url = try await client.execute(uri: "/api/jobs/\(id)/start", method: .post) { try Self.json($0)["url"] as? String }
            #expect(url == "/jobs/\(id)")
            try await client.execute(uri: "/jobs/\(id)", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("错误[yaml-syntax]"))
                // The client's name is shown (escaped), not the generated one.
                #expect(page.contains("坏表&lt;b&gt;.yaml:"))
                #expect(!page.contains("<b>"))
                #expect(!page.contains(server.configuration.dataDirectory))
            }
        }
    }

    @Test func exportsAreFormulaSafeCSVAndARealWorkbook() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [("seed-003-department-2021.yaml", try Self.example("seed-003-department-2021.yaml"))])
            try await client.execute(uri: "/api/jobs/\(id)/start", method: .post) { _ in }
            try await client.execute(uri: "/jobs/\(id)/findings.csv", method: .get) { response in
                let csv = Self.text(response)
                #expect(response.headers[.contentDisposition]?.contains("findings.csv") == true)
                #expect(csv.hasPrefix("\u{FEFF}文件,表,单位"))
                #expect(csv.contains("total-mismatch,错误,total"))
            }
            try await client.execute(uri: "/jobs/\(id)/findings.xlsx", method: .get) { response in
                let sheets = try XLSXReader.read(data: Data(buffer: response.body), file: "findings.xlsx")
                #expect(sheets.first?.rows.first?.first == "文件")
                #expect(sheets.first?.rows.contains { $0.contains("total-mismatch") && $0.contains("错误") } == true)
            }
        }
        #expect(FindingExport.formulaSafe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        for dangerous in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] { #expect(FindingExport.formulaSafe(dangerous).hasPrefix("'")) }
        #expect(FindingExport.formulaSafe("总分") == "总分")
        let row = FindingRow(file: "=cmd|' /C calc'!A0", table: 1, unit: "-1+1", level: "department", project: "", year: 2024,
                             code: "total-mismatch", severity: "error", path: "total", line: 3, claimed: "96", computed: "97", message: "@x")
        let csv = String(decoding: FindingExport.csv([row], language: .en), as: UTF8.self)
        #expect(csv.contains("\r\n'=cmd|' /C calc'!A0,1,'-1+1,"))
        let sheet = try XLSXReader.read(data: try FindingExport.xlsx([row], language: .en), file: "x.xlsx")
        #expect(sheet.first?.rows.dropFirst().first?.first == "'=cmd|' /C calc'!A0")
        #expect(sheet.first?.rows.dropFirst().first?.last == "'@x")
    }

    @Test func aBatchRunIsFilteredAndExportedFromSQLite() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        let examples = ["seed-003-department-2021.yaml", "seed-000-department-2024.yaml", "seed-002-department-2024.yaml",
                        "clean-project-2022.yaml"]
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, try examples.map { ($0, try Self.example($0)) })
            let started = try await client.execute(uri: "/api/jobs/\(id)/start?batch=1", method: .post) { try Self.json($0)["url"] as? String }
            #expect(started == "/jobs/\(id)")
            var url: String?
            for _ in 0..<600 where url == nil {
                url = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { try Self.json($0)["url"] as? String }
                if url == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let run = try #require(url)
            #expect(run.hasPrefix("/runs/"))
            func total(_ query: String) async throws -> Int {
                try await client.execute(uri: run + query, method: .get) { response in
                    let page = Self.text(response)
                    guard let range = page.range(of: #"data-total="(\d+)""#, options: .regularExpression) else { return -1 }
                    return Int(page[range].filter(\.isNumber)) ?? -1
                }
            }
            let all = try await total("")
            let errors = try await total("?severity=error")
            #expect(all > errors)
            #expect(errors >= 1)
            #expect(try await total("?code=total-mismatch&year=2021") >= 1)
            #expect(try await total("?code=total-mismatch&year=1999") == 0)
            // A value that is no severity is ignored, and text is bound, never spliced into SQL.
            #expect(try await total("?severity=x%27%20OR%201=1--") == all)
            #expect(try await total("?q=%25%27") == 0)
            #expect(try await total("?grade=changed") <= all)
            // The charts are drawn from the filtered query: a code filter leaves one code's bar.
            try await client.execute(uri: run, method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("id=\"chart-severity\"") && page.contains("id=\"chart-codes\""))
                #expect(page.contains("总分与各项得分之和不符（total-mismatch）"))
            }
            try await client.execute(uri: run + "?code=total-mismatch", method: .get) { response in
                let page = Self.text(response)
                let codes = page[try #require(page.range(of: "id=\"chart-codes\"")).upperBound...]
                let figure = String(codes[..<(try #require(codes.range(of: "</figure>"))).lowerBound])
                #expect(figure.contains("（total-mismatch）"))
                #expect(figure.components(separatedBy: "<g class=\"row\">").count == 2)
            }
            let link = try await client.execute(uri: run + "?severity=error&sort=unit", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("<option value=\"error\" selected>"))
                #expect(page.contains("0001-seed-003-department-2021.yaml"))
                return page.range(of: #"/runs/\d+/results/\d+"#, options: .regularExpression).map { String(page[$0]) }
            }
            let message = try Self.totalMismatchMessage()
            let result = try #require(link)
            let original = try Self.example("seed-003-department-2021.yaml")
            try await client.execute(uri: result, method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains(message))
                #expect(page.contains("class=\"jixiao-serve\""))
                #expect(page.contains("id=\"places\""))
                #expect(page.contains("href=\"\(result)/original\""))
                #expect(!page.contains(server.configuration.dataDirectory))
            }
            try await client.execute(uri: result + "/original", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == original)
            }
            try await client.execute(uri: run + "/results/999999/original", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: run.replacingOccurrences(of: "/runs/", with: "/runs/") + "/findings.csv?severity=error", method: .get) { response in
                let lines = Self.text(response).split(separator: "\r\n")
                #expect(lines.count == errors + 1)
                #expect(lines.dropFirst().allSatisfy { $0.contains(",错误,") })
            }
            try await client.execute(uri: run + "/findings.xlsx?severity=error", method: .get) { response in
                let sheets = try XLSXReader.read(data: Data(buffer: response.body), file: "findings.xlsx")
                #expect(sheets.first?.rows.count == errors + 1)
            }
            try await client.execute(uri: "/history", method: .get) { response in
                #expect(Self.text(response).contains("href=\"\(run)\""))
            }
        }
    }

    @Test func aTablesPageShowsItsTotalsInTheHistorysOtherYears() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        let table = try Self.example("seed-003-department-2021.yaml")
        let nextYear = Data(String(decoding: table, as: UTF8.self).replacingOccurrences(of: "year: 2021", with: "year: 2022").utf8)
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [("a-2021.yaml", table), ("a-2022.yaml", nextYear)])
            _ = try await client.execute(uri: "/api/jobs/\(id)/start?batch=1", method: .post) { _ in }
            var url: String?
            for _ in 0..<600 where url == nil {
                url = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { try Self.json($0)["url"] as? String }
                if url == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let run = try #require(url)
            let result = try await client.execute(uri: run + "?sort=year", method: .get) { response in
                let page = Self.text(response)
                return page.range(of: #"/runs/\d+/results/\d+"#, options: .regularExpression).map { String(page[$0]) }
            }
            try await client.execute(uri: try #require(result), method: .get) { response in
                let page = Self.text(response)
                let years = String(page[try #require(page.range(of: "id=\"years\"")).lowerBound...])
                #expect(years.contains("<svg"))
                #expect(years.contains(">2021</td>") && years.contains(">2022</td>"))
                #expect(years.contains("所填 96"))
            }
            // A table alone in the history has no such list.
            let single = try await Self.upload(client, [("b.yaml", try Self.example("clean-project-2022.yaml"))])
            let page = try await client.execute(uri: "/api/jobs/\(single)/start", method: .post) { try Self.json($0)["url"] as? String }
            try await client.execute(uri: try #require(page), method: .get) { response in
                #expect(!Self.text(response).contains("id=\"years\""))
            }
        }
    }

    /// The history page shows a unit's years with the year-over-year checks' findings beside them.
    @Test func theHistoryMarksATableCopiedFromLastYear() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        let table = try Self.example("clean-project-2022.yaml")
        let nextYear = Data(String(decoding: table, as: UTF8.self).replacingOccurrences(of: "year: 2022", with: "year: 2023").utf8)
        try await Self.app(server).test(.router) { client in
            // Two runs: the later year is compared with the stored one.
            for (name, bytes) in [("p-2022.yaml", table), ("p-2023.yaml", nextYear)] {
                let id = try await Self.upload(client, [(name, bytes)])
                _ = try await client.execute(uri: "/api/jobs/\(id)/start?batch=1", method: .post) { _ in }
                var url: String?
                for _ in 0..<600 where url == nil {
                    url = try await client.execute(uri: "/api/jobs/\(id)", method: .get) { try Self.json($0)["url"] as? String }
                    if url == nil { try await Task.sleep(for: .milliseconds(100)) }
                }
                _ = try #require(url)
            }
            let unit = "某市农业农村局".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            try await client.execute(uri: "/history?unit=\(unit)", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("与往年对比"))
                #expect(page.contains(FindingCode.copiedFromLastYear.title.zh))
            }
        }
    }

    @Test func theRunPagesChartsCountTheFilteredFindings() throws {
        var page = FindingPage(rows: [], total: 7, tables: 3, bySeverity: [:], codes: [], years: [], levels: [])
        page.byCode = [("total-mismatch", "error", 4), ("weight-sum", "error", 1), ("weight-sum", "warning", 2)]
        let zh = Views.charts(page, language: .zh)
        #expect(zh.contains(">错误</text>") && zh.contains(">警告</text>"))
        #expect(zh.contains(">总分与各项得分之和不符（total-mismatch）</text>"))
        // The severity chart: errors 5, warnings 2; the code chart's rows end in their sums.
        #expect(zh.contains(">5</text>") && zh.contains(">2</text>") && zh.contains(">3</text>") && zh.contains(">4</text>"))
        #expect(!zh.contains("http"))
        let en = Views.charts(page, language: .en)
        #expect(en.contains("Findings by code") && en.contains("total differs from the sum of its parts (total-mismatch)"))
        page.byCode = [("<script>", "error", 1)]
        #expect(!Views.charts(page, language: .zh).contains("<script>"))
    }

    @Test func requestsForAnotherHostAreRefused() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        // The test client's Host is `localhost` on port 80, not the 8080 served.
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .misdirectedRequest)
                #expect(Self.text(response).contains("拒绝访问"))
            }
        }
        let guardian = HostGuard<BasicRequestContext>(host: "127.0.0.1", port: 8080, language: .zh)
        #expect(guardian.allows("127.0.0.1:8080"))
        #expect(guardian.allows("localhost:8080"))
        #expect(guardian.allows("[::1]:8080"))
        #expect(!guardian.allows("127.0.0.1:8081"))
        #expect(!guardian.allows("attacker.example:8080"))
        #expect(!guardian.allows("127.0.0.1.attacker.example:8080"))
        #expect(!guardian.allows("localhost:80x"))
        let exposed = HostGuard<BasicRequestContext>(host: "192.0.2.10", port: 9000, language: .zh)
        #expect(exposed.allows("192.0.2.10:9000"))
        #expect(!exposed.allows("localhost:9000"))
        let everywhere = HostGuard<BasicRequestContext>(host: "0.0.0.0", port: 9000, language: .zh)
        #expect(everywhere.allows("192.0.2.10:9000"))
        #expect(everywhere.allows("localhost:9000"))
        #expect(!everywhere.allows("rebind.attacker.example:9000"))
        #expect(!everywhere.allows("1.2.3.4.example:9000"))
    }

    @Test func uploadsOverTheSizeLimitAreRefused() async throws {
        let server = try Self.server(maxFileBytes: 1_000)
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            let id = try await client.execute(uri: "/api/jobs", method: .post) { try Self.json($0)["id"] as? String ?? "" }
            try await client.execute(uri: "/api/jobs/\(id)/files?name=big.yaml", method: .post, body: ByteBuffer(repeating: 0x61, count: 5_000)) { response in
                #expect(response.status == .contentTooLarge)
                let message = try Self.json(response)["error"] as? String
                #expect(message?.contains("文件过大") == true)
            }
            try await client.execute(uri: "/api/jobs/\(id)/start", method: .post) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test(arguments: ["../../../etc/evil.yaml", "..\\..\\evil.yaml", "/etc/passwd.yaml", "a/../../b/../evil.yaml"])
    func aClientPathNeverReachesTheFileSystem(_ name: String) async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [(name, try Self.example("clean-project-2022.yaml"))])
            let inputs = server.configuration.dataDirectory + "/jobs/\(id)/inputs"
            let stored = try FileManager.default.contentsOfDirectory(atPath: inputs)
            #expect(stored.count == 1)
            #expect(stored.allSatisfy { $0.hasPrefix("0001") && !$0.contains("..") && !$0.contains("/") && $0.hasSuffix(".yaml") })
            #expect(!FileManager.default.fileExists(atPath: server.configuration.dataDirectory + "/evil.yaml"))
        }
        #expect(UploadStore.storedName(index: 1, clientName: "../x.exe", extensions: UploadStore.tableExtensions) == nil)
        #expect(UploadStore.storedName(index: 2, clientName: "..", extensions: UploadStore.tableExtensions) == nil)
        #expect(UploadStore.storedName(index: 3, clientName: "报告 2024.XLSX", extensions: UploadStore.tableExtensions) == "0003-报告2024.xlsx")
    }

    @Test func aZipsTablesAreUnpackedUnderGeneratedNames() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        let archive = try Archive(accessMode: .create)
        let entries: [(String, Data)] = [
            ("年度/seed-003-department-2021.yaml", try Self.example("seed-003-department-2021.yaml")),
            ("../../../evil.yaml", try Self.example("clean-project-2022.yaml")),
            ("photo.png", Data([0x89, 0x50])),
        ]
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let zip = try #require(archive.data)
        try await Self.app(server).test(.router) { client in
            let id = try await Self.upload(client, [("2021.zip", zip)])
            let stored = try FileManager.default.contentsOfDirectory(atPath: server.configuration.dataDirectory + "/jobs/\(id)/inputs").sorted()
            #expect(stored == ["0001-seed-003-department-2021.yaml", "0002-evil.yaml"])
            try await client.execute(uri: "/api/jobs/\(id)/start", method: .post) { _ in }
            try await client.execute(uri: "/jobs/\(id)", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("共 2 张表"))
                #expect(page.contains("跳过了其中 1 个不支持的文件"))
            }
            let bad = try await Self.upload(client, [("broken.zip", Data("not a zip".utf8))])
            try await client.execute(uri: "/jobs/\(bad)", method: .get) { response in
                #expect(Self.text(response).contains("无法读取压缩包"))
            }
        }
    }

    @Test func unknownIDsAndPagesAnswerInTheInterfaceLanguage() async throws {
        let server = try Self.server(language: .en)
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            try await client.execute(uri: "/jobs/../../etc", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/jobs/0123456789abcdef", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.text(response).contains("no such upload"))
            }
            try await client.execute(uri: "/runs/999", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/nowhere", method: .get) { response in #expect(Self.text(response).contains("no such page")) }
            try await client.execute(uri: "/", method: .get) { response in
                let page = Self.text(response)
                #expect(page.contains("Upload and audit"))
                #expect(!page.contains("http://") && !page.contains("https://"))
            }
        }
    }

    @Test func rubricsAreListedAndAnUploadedRubricIsChecked() async throws {
        let server = try Self.server()
        defer { try? FileManager.default.removeItem(atPath: server.configuration.dataDirectory) }
        try await Self.app(server).test(.router) { client in
            try await client.execute(uri: "/rubrics", method: .get) { response in
                #expect(Self.text(response).contains("rubric-check"))
            }
            try await client.execute(uri: "/api/rubric-check?name=mine.yaml", method: .post,
                                     body: ByteBuffer(string: "id: x\nweights: [oops\n")) { response in
                let answer = try Self.json(response)
                #expect(answer["ok"] as? Bool == false)
                let output = answer["output"] as? String ?? ""
                #expect(output.hasPrefix("mine.yaml:"))
                #expect(output.contains("错误["))
            }
        }
    }
}
