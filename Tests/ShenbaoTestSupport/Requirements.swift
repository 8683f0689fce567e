import Foundation
import Testing

/// Something from outside the package that some tests need: a font file, a tool, a Python module,
/// `../shared`. Each is checked once per test run (a `static let`), so a trait can ask cheaply.
public enum Requirement: Sendable, CustomStringConvertible {
    case uming, dejaVu, poppler, qpdf, fcScan, fontTools, pythonDocx, libreOffice, shared

    /// The main font, AR PL UMing (the collection's Chinese face is index 0).
    public static let umingPath = "/usr/share/fonts/truetype/arphic/uming.ttc"
    /// The recorded fallback font.
    public static let dejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    private static let hasUMing = FileManager.default.fileExists(atPath: umingPath)
    private static let hasDejaVu = FileManager.default.fileExists(atPath: dejaVuPath)
    private static let hasPoppler = ["pdftotext", "pdftoppm", "pdffonts", "pdfinfo", "pdfimages"].allSatisfy(Subprocess.available)
    private static let hasQPDF = Subprocess.available("qpdf")
    private static let hasFCScan = Subprocess.available("fc-scan")
    private static let hasFontTools = Subprocess.pythonHas("fontTools")
    private static let hasPythonDocx = Subprocess.pythonHas("docx")
    private static let hasLibreOffice = Subprocess.available("soffice")

    /// Whether this machine has it.
    public var isMet: Bool {
        switch self {
        case .uming: Self.hasUMing
        case .dejaVu: Self.hasDejaVu
        case .poppler: Self.hasPoppler
        case .qpdf: Self.hasQPDF
        case .fcScan: Self.hasFCScan
        case .fontTools: Self.hasFontTools
        case .pythonDocx: Self.hasPythonDocx
        case .libreOffice: Self.hasLibreOffice
        case .shared: TestFolders.shared != nil
        }
    }

    /// What it is and how to get it, for the skip's reason.
    public var description: String {
        switch self {
        case .uming: "\(Self.umingPath) (apt-get install fonts-arphic-uming)"
        case .dejaVu: "\(Self.dejaVuPath) (apt-get install fonts-dejavu-core)"
        case .poppler: "poppler's pdftotext, pdftoppm, pdffonts, pdfinfo, pdfimages (apt-get install poppler-utils)"
        case .qpdf: "qpdf (apt-get install qpdf)"
        case .fcScan: "fc-scan (apt-get install fontconfig)"
        case .fontTools: "Python's fontTools (pip install fonttools)"
        case .pythonDocx: "Python's python-docx (pip install python-docx)"
        case .libreOffice: "LibreOffice's soffice (apt-get install libreoffice-writer-nogui)"
        case .shared: "../shared beside the package (or SHENBAO_SHARED)"
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
