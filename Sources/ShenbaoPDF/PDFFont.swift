import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPDFWriter

/// A font face embedded in one document as a Type0 font (ISO 32000-1 §9.7), subset at
/// `PDFDocument.finish()` to the glyphs the content used. Content streams show 2-byte CIDs
/// (`/Identity-H`), given when a glyph is first shown (`GlyphUsage`), so each kind of outlines
/// gets the descendant and numbering whose CIDs stay valid for the subset made at the end:
///
/// - TrueType (`glyf`): `CIDFontType2` with `FontFile2`. A glyph's CID is the order in which the
///   document first used it (`.notdef` is 0), and the subset numbers its glyphs the same way
///   (`FontFace.subsetProgram(inOrder:)`, `/CIDToGIDMap /Identity`): `loca`/`hmtx` hold only the
///   glyphs used, not a slot for each of UMing's ~30,000.
/// - CFF, CID-keyed (Noto CJK): `CIDFontType0` with `FontFile3 /CIDFontType0C`, the bare CFF
///   program. A glyph's CID is its CID in the font's charset; the subset is compact and keeps each
///   glyph's CID in its charset, through which readers select glyphs (§9.7.4.2).
/// - CFF, name-keyed: the same dictionaries, CID = glyph id and a subset that keeps glyph ids,
///   since readers use the CIDs of such a program directly as glyph ids (§9.7.4.2).
///   `/CIDToGIDMap` applies to CIDFontType2 only (Table 117), so neither CFF case writes it.
public final class PDFFont {
    /// The face the glyphs come from.
    public let face: FontFace
    /// Name in `/Resources /Font` (`F1`, `F2` …).
    public let resourceName: String
    /// The Type0 font object.
    public let ref: PDFRef
    /// What the font holds: the glyphs this document showed (their text and widths, which
    /// subsetting and the ToUnicode map read), or a set made once for many documents.
    private enum Glyphs {
        case own(GlyphUsage)
        case fixed(FixedGlyphs)
    }
    private let glyphs: Glyphs
    /// A fixed font is written only into a document that showed some of it.
    private var showedFixed = false

    /// `numbering` nil: the face's natural one. Forcing one is honoured for TrueType faces only
    /// (tests of the glyph-id path); CFF faces always take theirs, the only one readers agree with.
    init(face: FontFace, resourceName: String, ref: PDFRef, numbering: GlyphUsage.Numbering? = nil) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        glyphs = .own(GlyphUsage(face: face, numbering: face.hasTrueTypeOutlines ? numbering : nil))
    }

    /// The font of `fixed`'s glyphs in one document.
    init(fixed: FixedGlyphs, resourceName: String, ref: PDFRef) {
        face = fixed.face
        self.resourceName = resourceName
        self.ref = ref
        glyphs = .fixed(fixed)
    }

    /// The set a fixed font shows; nil for the face's own.
    var fixed: FixedGlyphs? {
        if case .fixed(let set) = glyphs { return set }
        return nil
    }

    /// The glyphs shown so far (of a fixed font: all it holds, once any was shown).
    public var usedGlyphs: Set<UInt32> {
        switch glyphs {
        case .own(let usage): usage.usedGlyphs
        case .fixed(let fixed): showedFixed ? fixed.glyphs : []
        }
    }

    /// Records shaped glyphs for subsetting and ToUnicode; returns each glyph's CID and `/W` width.
    /// A fixed font shows only glyphs it holds (`FixedGlyphs.contains`).
    func record(_ shaped: [ShapedGlyph], text: String) -> [(code: UInt16, width: Double)] {
        switch glyphs {
        case .own(let usage): return usage.record(shaped, text: text)
        case .fixed(let fixed):
            showedFixed = true
            return fixed.codes(shaped)
        }
    }

    /// Writes the font's objects: Type0, the CIDFont, FontDescriptor, font program and ToUnicode.
    func write(into writer: inout PDFWriter, compression: Int32?) throws {
        let objects = switch glyphs {
        case .own(let usage): try FontObjects(usage: usage, compression: compression)
        case .fixed(let fixed): try fixed.objects(compression: compression)
        }
        objects.write(into: &writer, ref: ref)
    }
}
