import ArgumentParser
import Foundation
import RioModel
import RioWorkspace

/// Options every command that reads the catalog or the workspace database shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog folder.", valueName: "DIR"))
    var catalog: String = "Catalog"

    @Option(name: .long, help: ArgumentHelp("The workspace SQLite database (default: $RIOPLAN_DB, else .rioplan/rioplan.sqlite).", valueName: "FILE"))
    var db: String?

    /// The workspace these options name.
    var workspace: Workspace { Workspace(catalogFolder: catalog, databasePath: db) }
}

/// Output format for commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Runs a command body, turning RioError into a message on stderr and a sysexits code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as RioError {
        Console.error("error: " + e.description.replacingOccurrences(of: "\n", with: "\nerror: "))
        throw ExitCode(e.exitStatus.rawValue)
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Rewrites the current stderr line (a terminal); nil clears it.
    static func progress(_ text: String?) {
        let line = "\r\u{1B}[K" + (text ?? "")
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Prints each warning on stderr as `warning: …`.
    static func warn(_ warnings: [String]) {
        for w in warnings { error("warning: " + w) }
    }

    /// Prints the pin conflicts and exits 1: no plan was written.
    static func refusePinConflicts(_ conflicts: [String], request: String) throws -> Never {
        error("error: the pinned sessions cannot all hold; no plan was written:")
        for c in conflicts { error("  - \(c)") }
        error("Change or remove these pins in \(request) and plan again.")
        throw ExitCode(ExitStatus.no.rawValue)
    }
}
