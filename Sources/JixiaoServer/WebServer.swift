import Foundation
import Hummingbird
import Logging
import JixiaoBase
import JixiaoModel
import JixiaoReport
import JixiaoCore

/// `jixiao serve`: a local web application over the pipeline. Upload tables and read their
/// audit, run a year's files as a batch into the SQLite history, filter its findings page by
/// page, export them as CSV or .xlsx, browse and check rubrics, and see units across years.
public struct WebServer: Sendable {
    package let configuration: ServeConfiguration
    package let engine: Engine
    package let history: HistoryStore
    package let queries: FindingQuery
    package let jobs: Jobs

    /// Loads the rubric folder and opens (or creates) the history; throws the input error the
    /// command line prints when either cannot be read.
    public init(configuration: ServeConfiguration) throws {
        self.configuration = configuration
        engine = try Engine(rubricDirectory: configuration.rubrics)
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        history = try HistoryStore(path: configuration.database)
        queries = try FindingQuery(path: configuration.database)
        jobs = Jobs(configuration: configuration, engine: engine, history: history)
    }

    /// Serves until the process is stopped; `started` is called with the address once listening.
    public func run(started: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "jixiao-serve")
        logger.logLevel = .warning
        let host = configuration.host
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                started("http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)/")
            },
            logger: logger)
        try await app.runService()
    }

    /// Every route, behind the Host check.
    package func router(checkingPort: Int? = nil) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let language = configuration.language
        router.add(middleware: HostGuard<BasicRequestContext>(host: configuration.host, port: checkingPort ?? configuration.port, language: language))
        router.add(middleware: Failures<BasicRequestContext>(language: language))

        router.get("/") { _, _ in Page.html(Views.upload(configuration)) }
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: Page.headers("text/css; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: Assets.css)))
        }
        router.get("/static/app.js") { _, _ in
            Response(status: .ok, headers: Page.headers("text/javascript; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: Assets.javaScript)))
        }

        router.get("/favicon.ico") { _, _ in Response(status: .noContent, headers: Page.headers("image/x-icon")) }

        router.post("/api/jobs") { _, _ in
            let job = try await jobs.create()
            return Page.json(["id": job.id])
        }
        router.post("/api/jobs/{id}/files") { request, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), await jobs.job(id) != nil else {
                return Page.json(["error": text(.noSuchUpload)], status: .notFound)
            }
            let name = Self.query(request)["name"] ?? ""
            let limit = name.lowercased().hasSuffix(".zip") ? configuration.maxArchiveBytes : configuration.maxFileBytes
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
                return Page.json(["error": tooLarge()], status: .contentTooLarge)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                return Page.json(["error": tooLarge()], status: .contentTooLarge)
            }
            if let refused = try await jobs.add(to: id, clientName: name, data: Data(buffer: body)) {
                return Page.json(["error": refused.text(language)], status: .unsupportedMediaType)
            }
            return Page.json(["ok": true])
        }
        router.post("/api/jobs/{id}/start") { request, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id) else {
                return Page.json(["error": text(.noSuchUpload)], status: .notFound)
            }
            guard !job.files.isEmpty else { return Page.json(["error": text(.nothingUploaded)], status: .badRequest) }
            guard let url = await jobs.start(id, batch: Self.query(request)["batch"] == "1") else {
                return Page.json(["error": text(.alreadyStarted)], status: .conflict)
            }
            return Page.json(["url": url])
        }
        router.get("/api/jobs/{id}") { _, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id) else {
                return Page.json(["error": text(.noSuchUpload)], status: .notFound)
            }
            switch job.state {
            case .finished(let run): return Page.json(["url": run.map { "/runs/\($0)" } ?? "/jobs/\(id)"])
            case .failed(let message): return Page.json(["error": message])
            case .audited: return Page.json(["url": "/jobs/\(id)"])
            default:
                let progress = job.progress
                return Page.json(["done": progress?.filesDone ?? 0, "total": progress?.filesTotal ?? job.files.count,
                                  "text": Views.progressText(progress, files: job.files.count, language: language)])
            }
        }
        router.get("/jobs/{id}") { _, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id) else {
                return Page.error(text(.noSuchUpload), status: .notFound, language: language)
            }
            return Page.html(Views.job(job, language: language))
        }
        router.get("/jobs/{id}/tables/{table}") { _, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id),
                  let number = context.parameters.get("table", as: Int.self), job.tables.indices.contains(number - 1),
                  let page = FileManager.default.contents(atPath: job.tables[number - 1].reportPath) else {
                return Page.error(text(.noSuchTable), status: .notFound, language: language)
            }
            let table = job.tables[number - 1]
            let years = try table.unit.map { try Views.sameTable(history.unitHistory($0), unit: $0, level: table.level, project: table.project) } ?? []
            let panel = Views.tablePanel(original: "/jobs/\(id)/tables/\(number)/original", name: table.clientName, findings: table.places,
                                         years: years, language: language)
            return Page.html(Views.withPanel(Views.report(String(decoding: page, as: UTF8.self), job: job, table: number, language: language), panel))
        }
        router.get("/jobs/{id}/tables/{table}/original") { _, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id),
                  let number = context.parameters.get("table", as: Int.self), job.tables.indices.contains(number - 1),
                  let response = OriginalFile.response(job.tables[number - 1].storedPath, dataDirectory: configuration.dataDirectory) else {
                return Page.error(text(.noSuchTable), status: .notFound, language: language)
            }
            return response
        }
        router.get("/jobs/{id}/findings.{format}") { _, context in
            guard let id = context.parameters.get("id"), UploadStore.isID(id), let job = await jobs.job(id),
                  let format = context.parameters.get("format") else {
                return Page.error(text(.noSuchUpload), status: .notFound, language: language)
            }
            return try Self.export(job.tables.flatMap(\.findings), format: format, name: "findings", language: language)
        }

        router.get("/runs/{run}") { request, context in
            guard let run = context.parameters.get("run", as: Int64.self), let header = try queries.run(run) else {
                return Page.error(text(.noSuchRun), status: .notFound, language: language)
            }
            let filter = FindingFilter(query: Self.query(request))
            return Page.html(Views.run(header, filter: filter, page: try queries.page(run: run, filter: filter),
                                       dataDirectory: configuration.dataDirectory, language: language))
        }
        router.get("/runs/{run}/results/{result}") { _, context in
            guard let run = context.parameters.get("run", as: Int64.self), let result = context.parameters.get("result", as: Int64.self),
                  let table = try queries.table(run: run, result: result) else {
                return Page.error(text(.noSuchTable), status: .notFound, language: language)
            }
            guard FileManager.default.fileExists(atPath: table.file) else {
                return Page.error((language == .zh ? "原文件已不存在：" : "the file is no longer there: ") + table.file, status: .notFound,
                                  language: language)
            }
            // Read and audited again: the history keeps findings, not the pages.
            let engine = engine
            let results = try await Task.detached { try engine.audit(path: table.file) }.value
            guard results.indices.contains(table.table - 1) else {
                return Page.error(text(.noSuchTable), status: .notFound, language: language)
            }
            let audited = results[table.table - 1]
            let shown = table.file.hasPrefix(configuration.dataDirectory) ? (table.file as NSString).lastPathComponent : table.file
            // An upload is named by its generated name, never by where the data folder is.
            let page = HTMLReport.render(audited, language: language)
                .replacingOccurrences(of: HTMLText.escape(table.file), with: HTMLText.escape(shown))
            let submission = audited.scorecard.submission
            let years = try submission.unitName.map {
                try Views.sameTable(history.unitHistory($0), unit: $0, level: submission.level.rawValue, project: submission.project)
            } ?? []
            let panel = Views.tablePanel(
                original: OriginalFile.isInside(table.file, folder: configuration.dataDirectory) ? "/runs/\(run)/results/\(result)/original" : nil,
                name: shown, findings: audited.findings.map { PlacedFinding($0, file: table.file, shown: shown, language: language) }, years: years,
                language: language)
            return Page.html(Views.withPanel(Views.report(page, links: [("/", language == .zh ? "上传" : "Upload"),
                                                                        ("/runs/\(run)", language == .zh ? "返回运行" : "Back to the run")],
                                                          caption: shown), panel))
        }
        router.get("/runs/{run}/results/{result}/original") { _, context in
            guard let run = context.parameters.get("run", as: Int64.self), let result = context.parameters.get("result", as: Int64.self),
                  let table = try queries.table(run: run, result: result),
                  let response = OriginalFile.response(table.file, dataDirectory: configuration.dataDirectory) else {
                return Page.error(text(.noSuchTable), status: .notFound, language: language)
            }
            return response
        }
        router.get("/runs/{run}/findings.{format}") { request, context in
            guard let run = context.parameters.get("run", as: Int64.self), try queries.run(run) != nil,
                  let format = context.parameters.get("format") else {
                return Page.error(text(.noSuchRun), status: .notFound, language: language)
            }
            let rows = try queries.all(run: run, filter: FindingFilter(query: Self.query(request)))
            return try Self.export(rows.map { Views.shortened($0, dataDirectory: configuration.dataDirectory) }, format: format,
                                   name: "run-\(run)-findings", language: language)
        }

        router.get("/history") { request, _ in
            let unit = Self.query(request)["unit"] ?? ""
            return Page.html(Views.history(runs: try history.runs(), unit: unit, years: unit.isEmpty ? [] : try history.unitHistory(unit),
                                           language: language))
        }
        router.get("/rubrics") { _, _ in Page.html(Views.rubrics(engine.catalog, language: language)) }
        router.get("/rubrics/{id}") { _, context in
            guard let id = context.parameters.get("id"), let rubric = engine.catalog.rubric(id: id) else {
                return Page.error(text(.noSuchRubric), status: .notFound, language: language)
            }
            return Page.html(Page.frame(rubric.title(language), "<pre>\(Page.e(RubricText.describe(rubric, language)))</pre>", language: language))
        }
        router.post("/api/rubric-check") { request, _ in
            let name = UploadStore.displayName(Self.query(request)["name"] ?? "rubric.yaml")
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: configuration.maxFileBytes)
            } catch {
                return Page.json(["error": tooLarge()], status: .contentTooLarge)
            }
            return Page.json(try Self.checkRubric(Data(buffer: body), clientName: name, dataDirectory: configuration.dataDirectory,
                                                  language: language))
        }
        return router
    }

    func text(_ message: Views.Message) -> String { message.text.text(configuration.language) }

    func tooLarge() -> String {
        let megabytes = configuration.maxFileBytes >> 20
        let archive = configuration.maxArchiveBytes >> 20
        return configuration.language == .zh ? "文件过大：每个文件最大 \(megabytes) MB，.zip 最大 \(archive) MB"
                                              : "file too large: at most \(megabytes) MB per file, \(archive) MB per .zip"
    }

    static func export(_ rows: [FindingRow], format: String, name: String, language: Language) throws -> Response {
        switch format {
        case "csv": return Page.download(FindingExport.csv(rows, language: language), contentType: "text/csv; charset=utf-8", fileName: name + ".csv")
        case "xlsx":
            return Page.download(try FindingExport.xlsx(rows, language: language),
                                 contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: name + ".xlsx")
        default: return Page.error(language == .zh ? "只能导出 csv 或 xlsx" : "export as csv or xlsx", status: .notFound, language: language)
        }
    }

    /// `rubric check` on an uploaded rubric: stored under a generated name, loaded, and the
    /// result written as the command line writes it (with the client's name for the path).
    static func checkRubric(_ data: Data, clientName: String, dataDirectory: String, language: Language) throws -> [String: Any] {
        let folder = (dataDirectory as NSString).appendingPathComponent("rubric-checks")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + UploadStore.newID() + ".yaml"
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let rubric = try Rubric.load(path: path)
            return ["ok": true, "output": language == .zh ? "\(clientName): 通过（\(rubric.id)）" : "\(clientName): ok (\(rubric.id))"]
        } catch let error as InputError {
            return ["ok": false, "output": InputErrorReport.render(error, language: language).replacingOccurrences(of: path, with: clientName)]
        } catch let error as InputErrors {
            return ["ok": false, "output": error.errors.map { InputErrorReport.render($0, language: language) }.joined(separator: "\n")
                .replacingOccurrences(of: path, with: clientName)]
        }
    }

    /// The query string as a dictionary: `+` as a space, percent-escapes decoded, the last value of a key kept.
    static func query(_ request: Request) -> [String: String] {
        guard let query = request.uri.query else { return [:] }
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            values[decoded(parts[0])] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return values
    }
}
