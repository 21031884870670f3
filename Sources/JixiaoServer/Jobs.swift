import Foundation
import JixiaoBase
import JixiaoAudit
import JixiaoReport
import JixiaoCore
import ZIPFoundation

/// A file of an upload: the name the client gave (shown, escaped; never used as a path) and
/// where it was stored.
package struct UploadedFile: Sendable {
    package var clientName: String
    package var storedPath: String
    package var bytes: Int
}

/// A table audited at once (a small upload): what its card shows, and its report page.
package struct AuditedTable: Sendable {
    package var clientName: String
    package var heading: String
    package var year: Int
    package var level: String
    package var totalClaimed: String
    package var grade: String
    package var findings: [FindingRow]
    /// The HTML report, written by `HTMLReport`.
    package var reportPath: String
    /// The uploaded file, under its generated name in the data folder.
    package var storedPath = ""
    /// The unit, level and project, as the history stores them (its other years).
    package var unit: String?
    package var project: String?
    /// Each finding with its place in the file.
    package var places: [PlacedFinding] = []
}

/// One upload: its files, and either the tables audited at once or the batch run it started.
package struct Job: Sendable {
    package enum State: Sendable {
        case collecting
        case auditing
        case audited
        case running
        case finished(run: Int64?)
        case failed(String)
    }

    package var id: String
    package var folder: String
    package var files: [UploadedFile] = []
    package var bytes = 0
    /// Files refused at upload: the client's name and why.
    package var refused: [(name: String, reason: String)] = []
    package var state = State.collecting
    package var tables: [AuditedTable] = []
    /// Input errors, rendered as the command line prints them.
    package var errors: [String] = []
    package var progress: BatchProgress?

    package var inputs: String { folder + "/inputs" }
}

/// The uploads of this server's life, and the batch runs they start (one at a time, since
/// the history is written by one run at once).
package actor Jobs {
    let configuration: ServeConfiguration
    let engine: Engine
    let history: HistoryStore
    private var jobs: [String: Job] = [:]
    private var lastRun: Task<Void, Never>?

    package init(configuration: ServeConfiguration, engine: Engine, history: HistoryStore) {
        self.configuration = configuration
        self.engine = engine
        self.history = history
    }

    package func create() throws -> Job {
        let id = UploadStore.newID()
        let folder = (configuration.dataDirectory as NSString).appendingPathComponent("jobs/\(id)")
        let job = Job(id: id, folder: folder)
        try FileManager.default.createDirectory(atPath: job.inputs, withIntermediateDirectories: true)
        jobs[id] = job
        return job
    }

    package func job(_ id: String) -> Job? { jobs[id] }

    /// Stores an uploaded file under a generated name (a .zip: each table file in it); returns
    /// the reason it was refused, if it was.
    package func add(to id: String, clientName: String, data: Data) throws -> LocalizedText? {
        guard var job = jobs[id] else { return nil }
        guard case .collecting = job.state else {
            return LocalizedText(zh: "这次上传已开始审核，不能再添加文件", en: "this upload is already being audited; no more files can be added")
        }
        defer { jobs[id] = job }
        if clientName.lowercased().hasSuffix(".zip") {
            return try addArchive(data, clientName: clientName, to: &job)
        }
        if let reason = try store(data, clientName: clientName, in: &job) {
            job.refused.append((UploadStore.displayName(clientName), reason.text(configuration.language)))
            return reason
        }
        return nil
    }

    /// Writes one file into the job's inputs, or says why not.
    private func store(_ data: Data, clientName: String, in job: inout Job) throws -> LocalizedText? {
        guard job.files.count < configuration.maxFiles else {
            return LocalizedText(zh: "一次最多上传 \(configuration.maxFiles) 个文件", en: "at most \(configuration.maxFiles) files in one upload")
        }
        guard let name = UploadStore.storedName(index: job.files.count + 1, clientName: clientName, extensions: UploadStore.tableExtensions) else {
            let known = UploadStore.tableExtensions.sorted().map { "." + $0 }.joined(separator: " ")
            return LocalizedText(zh: "不支持的文件类型；可上传 \(known)，或装有这些文件的 .zip",
                                 en: "unsupported file type; upload \(known), or a .zip of them")
        }
        let path = job.inputs + "/" + name
        try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        job.files.append(UploadedFile(clientName: UploadStore.displayName(clientName), storedPath: path, bytes: data.count))
        job.bytes += data.count
        return nil
    }

    /// The table files of a .zip, each stored as an upload of its own. Entries are read with
    /// their sizes counted as they are inflated (never trusting the headers), within the
    /// per-file and per-archive limits; other files in it are skipped and counted.
    private func addArchive(_ data: Data, clientName: String, to job: inout Job) throws -> LocalizedText? {
        let shown = UploadStore.displayName(clientName)
        let refusal: LocalizedText
        do {
            let archive = try Archive(data: data, accessMode: .read)
            var total = 0, skipped = 0
            for entry in archive where entry.type == .file {
                if job.files.count >= configuration.maxFiles {
                    job.refused.append((shown, LocalizedText(zh: "一次最多上传 \(configuration.maxFiles) 个文件，其余未读取",
                                                             en: "at most \(configuration.maxFiles) files in one upload; the rest were not read")
                        .text(configuration.language)))
                    break
                }
                let entryName = UploadStore.displayName(entry.path)
                guard UploadStore.storedName(index: 0, clientName: entryName, extensions: UploadStore.tableExtensions) != nil,
                      !entryName.hasPrefix("."), !entry.path.contains("__MACOSX") else {
                    skipped += 1
                    continue
                }
                var contents = Data()
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    contents.append(chunk)
                    total += chunk.count
                    if contents.count > self.configuration.maxFileBytes || total > self.configuration.maxArchiveBytes {
                        throw ArchiveLimit.exceeded
                    }
                }
                if let reason = try store(contents, clientName: entryName, in: &job) {
                    job.refused.append((shown + " › " + entryName, reason.text(configuration.language)))
                }
            }
            if skipped > 0 {
                job.refused.append((shown, configuration.language == .zh ? "跳过了其中 \(skipped) 个不支持的文件" : "skipped \(skipped) unsupported files in it"))
            }
            return nil
        } catch ArchiveLimit.exceeded {
            refusal = LocalizedText(
                zh: "压缩包过大：其中每个文件最大 \(configuration.maxFileBytes >> 20) MB，解压后合计最大 \(configuration.maxArchiveBytes >> 20) MB",
                en: "archive too large: at most \(configuration.maxFileBytes >> 20) MB per file and \(configuration.maxArchiveBytes >> 20) MB in all, unpacked")
        } catch {
            refusal = LocalizedText(zh: "无法读取压缩包（不是有效的 .zip 文件）", en: "cannot read the archive (not a valid .zip file)")
        }
        job.refused.append((shown, refusal.text(configuration.language)))
        return refusal
    }

    enum ArchiveLimit: Error { case exceeded }

    /// Starts auditing job `id`: at once when it is small (or not `batch`), else as a batch
    /// run into the history. Returns the page to go to.
    package func start(_ id: String, batch: Bool) async -> String? {
        guard var job = jobs[id], case .collecting = job.state else { return nil }
        let small = !batch && job.files.count <= configuration.smallFiles && job.bytes <= configuration.smallBytes
        if small {
            job.state = .auditing
            jobs[id] = job
            let engine = engine, language = configuration.language, files = job.files, folder = job.folder
            let (tables, errors) = await Task.detached { Self.audit(files, engine: engine, folder: folder, language: language) }.value
            job.tables = tables
            job.errors = errors
            job.state = .audited
            jobs[id] = job
            return tables.count == 1 && errors.isEmpty && job.refused.isEmpty ? "/jobs/\(id)/tables/1" : "/jobs/\(id)"
        }
        job.state = .running
        jobs[id] = job
        let previous = lastRun
        let engine = engine, history = history, configuration = configuration, files = job.files, folder = job.folder
        lastRun = Task.detached { [self] in
            await previous?.value
            let options = BatchOptions(
                outputDirectory: folder + "/out", language: configuration.language, reports: .html,
                runName: BatchInputs.runName(files.map(\.clientName)), tool: "jixiao serve", hashInputs: true, timeout: .seconds(30))
            let state: Job.State
            do {
                let summary = try await Batch(engine: engine, options: options).run(files.map(\.storedPath), history: history) { progress in
                    Task { await self.update(id, progress: progress) }
                }
                state = .finished(run: summary.runID)
            } catch {
                state = .failed((configuration.language == .zh ? "批量运行失败：" : "the batch run failed: ") + String(describing: error))
            }
            await self.finish(id, state: state)
        }
        return "/jobs/\(id)"
    }

    /// Progress arrives through tasks, so possibly out of order: only a later one replaces it.
    private func update(_ id: String, progress: BatchProgress) {
        if (jobs[id]?.progress?.filesDone ?? -1) < progress.filesDone { jobs[id]?.progress = progress }
    }

    private func finish(_ id: String, state: Job.State) {
        jobs[id]?.state = state
    }

    /// Audits the files of a small upload, writing each table's HTML report.
    static func audit(_ files: [UploadedFile], engine: Engine, folder: String, language: Language) -> ([AuditedTable], [String]) {
        var tables: [AuditedTable] = []
        var errors: [String] = []
        let reports = folder + "/reports"
        try? FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        func shown(_ text: String, _ file: UploadedFile) -> String {
            text.replacingOccurrences(of: file.storedPath, with: file.clientName)
        }
        for file in files {
            do {
                let results = try engine.audit(path: file.storedPath)
                if results.isEmpty {
                    errors.append(file.clientName + ": " + (language == .zh ? "没有找到绩效自评表" : "no self-evaluation table found"))
                }
                for result in results {
                    let submission = result.scorecard.submission
                    let path = reports + "/\(tables.count + 1).html"
                    // The report names the file it read: the client's name, not the generated one.
                    let page = HTMLReport.render(result, language: language)
                        .replacingOccurrences(of: HTMLText.escape(file.storedPath), with: HTMLText.escape(file.clientName))
                    try Data(page.utf8).write(to: URL(fileURLWithPath: path))
                    let record = TableRecord(result, file: file.clientName, table: tables.count + 1, report: nil, facts: nil, language: language)
                    tables.append(AuditedTable(
                        clientName: file.clientName,
                        heading: [submission.unit, submission.project].compactMap { $0 }.joined(separator: " · "),
                        year: submission.year, level: submission.level.rawValue, totalClaimed: record.totalClaimed,
                        grade: record.gradeClaimed.isEmpty ? record.gradeRecomputed : record.gradeClaimed,
                        findings: record.findings.map { finding in
                            FindingRow(file: file.clientName, table: tables.count + 1, unit: submission.unit ?? "", level: submission.level.rawValue,
                                       project: submission.project ?? "", year: submission.year, code: finding.code.rawValue,
                                       severity: finding.severity.rawValue, path: finding.path, line: finding.line,
                                       claimed: finding.claimed, computed: finding.computed, message: finding.message)
                        },
                        reportPath: path, storedPath: file.storedPath, unit: submission.unitName, project: submission.project,
                        places: result.findings.map { PlacedFinding($0, file: file.storedPath, shown: file.clientName, language: language) }))
                }
            } catch let error as InputError {
                errors.append(shown(InputErrorReport.render(error, language: language), file))
            } catch let error as InputErrors {
                errors += error.errors.map { shown(InputErrorReport.render($0, language: language), file) }
            } catch {
                errors.append(file.clientName + ": " + (language == .zh ? "内部错误：" : "internal error: ") + String(describing: error))
            }
        }
        return (tables, errors)
    }
}
