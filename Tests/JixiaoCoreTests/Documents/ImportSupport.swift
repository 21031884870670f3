import Foundation
import JixiaoAudit
import JixiaoCore
import JixiaoImport
import JixiaoModel
import JixiaoTestSupport

/// The documents under Fixtures/documents, read and audited as the command line does.
extension Documents {
    static func audit(_ name: String) throws -> [AuditResult] {
        try Engine(catalog: Project.catalog, words: Project.words).audit(path: path(name))
    }
}
