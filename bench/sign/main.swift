// The signing benchmark (bench/sign/run.sh): in one process, with fonts, layout and key loaded
// once, the median time of a three-copy pack rendered unsigned and signed (the difference is what
// signing adds), of `endorse` on that pack, unsigned and signed, and of `verify` per signature.
// It prints one line a measurement and checks nothing (the tests do that).
import Dispatch
import Foundation
import ShenbaoKit

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: bench-sign KEY CERT [N]")
    exit(64)
}
let count = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50
let root = FileManager.default.currentDirectoryPath
let renderer = try PackRenderer(form: "application")
let endorser = try Endorser()
let application = try DataLoader.load(path: root + "/templates/samples/application.yaml")
let opinion = try DataLoader.load(path: root + "/templates/samples/opinion.yaml")
let seal = try SealImage(path: root + "/templates/examples/公章.png")
let signing = try PackSigning(key: arguments[1], certificate: arguments[2], chain: nil, secret: nil)
let options = PrintOptions(copies: 3, seal: seal)

/// The median of `count` runs, in milliseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<3 { try body() }
    var samples: [Double] = []
    for _ in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return samples.sorted()[count / 2]
}

let pack = try renderer.render(application, format: .pdf, options: options, signing: signing).bytes
let endorsed = try endorser.endorse(pack: pack, packFile: nil, opinion: opinion, seal: seal, signing: signing).bytes
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-sign-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let endorsedPath = folder.appendingPathComponent("endorsed.pdf").path
try endorsed.write(to: URL(fileURLWithPath: endorsedPath))

let unsigned = try median { _ = try renderer.render(application, format: .pdf, options: options) }
let signed = try median { _ = try renderer.render(application, format: .pdf, options: options, signing: signing) }
let endorse = try median { _ = try endorser.endorse(pack: pack, packFile: nil, opinion: opinion, seal: seal, signing: nil) }
let endorseSigned = try median { _ = try endorser.endorse(pack: pack, packFile: nil, opinion: opinion, seal: seal, signing: signing) }
let done = DispatchSemaphore(value: 0)
let verifyTime = Locked<Double>(0)
Task.detached {
    var samples: [Double] = []
    for _ in 0..<(count + 3) {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = await SignatureReport.run(files: [endorsedPath], trust: [])
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    verifyTime.withLock { $0 = samples.dropFirst(3).sorted()[count / 2] }
    done.signal()
}
done.wait()
try? FileManager.default.removeItem(at: folder)
print(String(format: "sign bench (%d runs, medians, %@): pack %.2f ms unsigned, %.2f ms signed (signing adds %.2f ms); "
    + "endorse %.2f ms, %.2f ms signed; verify %.2f ms for 2 signatures (%.2f ms a signature)",
    count, signing.identity.algorithm.description, unsigned, signed, signed - unsigned, endorse, endorseSigned,
    verifyTime.withLock { $0 }, verifyTime.withLock { $0 } / 2))
