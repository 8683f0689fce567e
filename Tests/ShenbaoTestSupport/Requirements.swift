import Foundation
import Testing

/// Something from outside the package that some tests need: a font file, a tool, a Python module,
/// `../shared`. Each is checked once per test run (a `static let`), so a trait can ask cheaply.
public enum Requirement: Sendable, CustomStringConvertible {
    case uming, dejaVu, notoSerifCJK, hanaMinB, babelStoneHan, poppler, qpdf, mupdf, openssl, softHSM, fcScan, fontTools, pythonDocx, pyHanko, openpyxl, soffice, shared

    /// The main font, AR PL UMing (the collection's Chinese face is index 0).
    public static let umingPath = "/usr/share/fonts/truetype/arphic/uming.ttc"
    /// SoftHSM's PKCS#11 module, as Debian's softhsm2 installs it.
    public static let softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"
    /// The recorded fallback fonts, in the order `fonts/fonts.yaml` tries them.
    public static let dejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// Noto Serif CJK SC is face 2 of the collection (JP, KR, SC, TC, HK); CFF outlines.
    public static let notoSerifCJKPath = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
    public static let notoSerifCJKSCIndex: UInt32 = 2
    public static let hanaMinBPath = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
    public static let babelStoneHanPath = "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"

    private static let hasUMing = FileManager.default.fileExists(atPath: umingPath)
    private static let hasDejaVu = FileManager.default.fileExists(atPath: dejaVuPath)
    private static let hasNotoSerifCJK = FileManager.default.fileExists(atPath: notoSerifCJKPath)
    private static let hasHanaMinB = FileManager.default.fileExists(atPath: hanaMinBPath)
    private static let hasBabelStoneHan = FileManager.default.fileExists(atPath: babelStoneHanPath)
    private static let hasPoppler = ["pdftotext", "pdftoppm", "pdffonts", "pdfinfo", "pdfimages"].allSatisfy(Subprocess.available)
    private static let hasQPDF = Subprocess.available("qpdf")
    private static let hasMuPDF = Subprocess.available("mutool")
    private static let hasOpenSSL = Subprocess.available("openssl")
    private static let hasFCScan = Subprocess.available("fc-scan")
    private static let hasFontTools = Subprocess.pythonHas("fontTools")
    private static let hasPythonDocx = Subprocess.pythonHas("docx")
    private static let hasSoftHSM = ["softhsm2-util", "pkcs11-tool"].allSatisfy(Subprocess.available)
        && FileManager.default.fileExists(atPath: softHSMModule)
    /// The library and its command line, which pyHanko 0.3x moved into pyhanko-cli (`pyhanko.cli`).
    private static let hasPyHanko = Subprocess.pythonHas("pyhanko.sign, pyhanko.cli")
    private static let hasOpenpyxl = Subprocess.pythonHas("openpyxl")
    private static let hasSoffice = Subprocess.available("soffice")

    /// Whether this machine has it.
    public var isMet: Bool {
        switch self {
        case .uming: Self.hasUMing
        case .dejaVu: Self.hasDejaVu
        case .notoSerifCJK: Self.hasNotoSerifCJK
        case .hanaMinB: Self.hasHanaMinB
        case .babelStoneHan: Self.hasBabelStoneHan
        case .poppler: Self.hasPoppler
        case .qpdf: Self.hasQPDF
        case .mupdf: Self.hasMuPDF
        case .openssl: Self.hasOpenSSL
        case .fcScan: Self.hasFCScan
        case .fontTools: Self.hasFontTools
        case .pythonDocx: Self.hasPythonDocx
        case .pyHanko: Self.hasPyHanko
        case .openpyxl: Self.hasOpenpyxl
        case .soffice: Self.hasSoffice
        case .shared: TestFolders.shared != nil
        case .softHSM: Self.hasSoftHSM
        }
    }

    /// What it is and how to get it, for the skip's reason.
    public var description: String {
        switch self {
        case .uming: "\(Self.umingPath) (apt-get install fonts-arphic-uming)"
        case .dejaVu: "\(Self.dejaVuPath) (apt-get install fonts-dejavu-core)"
        case .notoSerifCJK: "\(Self.notoSerifCJKPath) (apt-get install fonts-noto-cjk)"
        case .hanaMinB: "\(Self.hanaMinBPath) (apt-get install fonts-hanazono)"
        case .babelStoneHan: "\(Self.babelStoneHanPath) (apt-get install fonts-babelstone-han)"
        case .poppler: "poppler's pdftotext, pdftoppm, pdffonts, pdfinfo, pdfimages (apt-get install poppler-utils)"
        case .qpdf: "qpdf (apt-get install qpdf)"
        case .mupdf: "MuPDF's mutool (apt-get install mupdf-tools)"
        case .openssl: "openssl (apt-get install openssl)"
        case .fcScan: "fc-scan (apt-get install fontconfig)"
        case .fontTools: "Python's fontTools (pip install fonttools)"
        case .pythonDocx: "Python's python-docx (pip install python-docx)"
        case .pyHanko: "Python's pyHanko and its command line (pip install pyhanko pyhanko-cli)"
        case .openpyxl: "Python's openpyxl (pip install openpyxl)"
        case .soffice: "LibreOffice's soffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"
        case .shared: "../shared beside the package (or SHENBAO_SHARED)"
        case .softHSM: "SoftHSM2 and pkcs11-tool (apt-get install softhsm2 opensc)"
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// `@Test(.requires(.uming, .poppler))`: `.enabled(if:)` on everything listed, so a test whose
    /// font or tool is missing shows as skipped, naming what is absent, instead of passing unseen.
    public static func requires(_ needs: Requirement..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        let absent = needs.filter { !$0.isMet }
        let reason = absent.isEmpty ? "needs " + needs.map(\.description).joined(separator: ", ")
                                    : "absent: " + absent.map(\.description).joined(separator: ", ")
        return .enabled(if: needs.allSatisfy(\.isMet), Comment(rawValue: reason), sourceLocation: sourceLocation)
    }
}
