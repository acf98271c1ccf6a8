import ArgumentParser
import Foundation
import RioModel

/// Options every command that reads the catalog or the workspace database shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog folder.", valueName: "DIR"))
    var catalog: String = "Catalog"

    @Option(name: .long, help: ArgumentHelp("The workspace SQLite database (default: $RIOPLAN_DB, else .rioplan/rioplan.sqlite).", valueName: "FILE"))
    var db: String?

    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["RIOPLAN_DB"], !env.isEmpty { return env }
        return ".rioplan/rioplan.sqlite"
    }
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
}
