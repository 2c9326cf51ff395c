import Foundation

/// Progress lines on standard error (stdout stays for results and `--json`).
enum ModelProgress {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
