// swift-tools-version:6.0
// Shenbao (申报): structured data → print-ready official forms (PDF, DOCX).
// Modules depend one way: Core → Template → (Zip, XML → DOCX | Fonts → Layout | PDFWriter → PDF, PDFReader) → Forms → Sheets,
// FormLayout → Print (backends) → Kit (the engine API) → CLI and other hosts.
import PackageDescription

let package = Package(
    name: "Shenbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shenbao", targets: ["shenbao"]),
        .library(name: "ShenbaoKit", targets: ["ShenbaoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        // C libraries from the system, found through pkg-config (leaves).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CPKCS11", pkgConfig: "p11-kit-1",
                       providers: [.apt(["libp11-kit-dev"])]),

        // Values, loaders, diagnostics: no project dependencies.
        .target(name: "ShenbaoCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The template language: lexer → parser → nodes → renderer, filters.
        .target(name: "ShenbaoTemplate", dependencies: ["ShenbaoCore"]),
        // DEFLATE on whole buffers (libdeflate), a bounded ZIP reader and a deterministic writer.
        .target(name: "ShenbaoZip", dependencies: ["CDeflate", "CZlib", "ShenbaoCore"]),
        // libxml2 under one policy for untrusted package parts (no network, DTDs or entities; bounded
        // depth): whole parts as trees, or streamed; OPC relationships. DOCX and Sheets share it.
        .target(name: "ShenbaoXML", dependencies: ["CLibXML2", "ShenbaoCore"]),
        // Filling users' Word templates; writing WordprocessingML.
        .target(name: "ShenbaoDOCX", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoZip", "ShenbaoXML", "CLibXML2"]),
        // Font faces, shaping, metrics and subsetting through HarfBuzz.
        .target(name: "ShenbaoFonts", dependencies: ["CHarfBuzz", "ShenbaoCore"]),
        // PDF objects, the file writer, content-stream operators, incremental updates and signature
        // placeholders: knows no layout and no fonts (typst's pdf-writer under krilla).
        .target(name: "ShenbaoPDFWriter", dependencies: ["ShenbaoCore", "ShenbaoZip"]),
        // Reading PDFs for verify and endorse: objects, cross-references, revisions, signature fields
        // and what changed after each signature; bounded for hostile input.
        .target(name: "ShenbaoPDFReader", dependencies: ["ShenbaoPDFWriter", "ShenbaoZip", "ShenbaoCore"]),
        // Documents on top of the writer: pages, embedded CID font subsets, PNG/JPEG images.
        .target(name: "ShenbaoPDF", dependencies: ["ShenbaoPDFWriter", "ShenbaoCore", "ShenbaoFonts", "ShenbaoZip"]),
        // Boxes, lines, tables and pages: knows no PDF.
        .target(name: "ShenbaoLayout", dependencies: ["ShenbaoFonts"]),
        // Notice configurations, form definitions and the validator's rules.
        .target(name: "ShenbaoForms", dependencies: ["ShenbaoCore"]),
        // The clerks' spreadsheets: CSV (UTF-8, GB18030) and XLSX read into sheets, sheets into data
        // records typed by the form definition; XLSX written (the batch template, reports).
        .target(name: "ShenbaoSheets", dependencies: ["ShenbaoCore", "ShenbaoZip", "ShenbaoXML", "ShenbaoForms"]),
        // The form layout language: layout files → blocks for one record; knows no output format.
        .target(name: "ShenbaoFormLayout", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoForms", "ShenbaoLayout"]),
        // Output formats behind one protocol: laid-out pages + a pack plan → PDF or DOCX bytes.
        .target(name: "ShenbaoPrint", dependencies: ["ShenbaoCore", "ShenbaoFormLayout", "ShenbaoLayout", "ShenbaoFonts",
                                                      "ShenbaoPDF", "ShenbaoPDFWriter", "ShenbaoPDFReader", "ShenbaoDOCX", "ShenbaoZip"]),
        // Keys, certificates and the CMS signature a signed PDF carries (PAdES B-B), and its
        // verification: PEM, PKCS#8, PKCS#12, PKCS#11 tokens; no PDF knowledge.
        .target(name: "ShenbaoSign", dependencies: [
            "ShenbaoCore", "CPKCS11",
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // The engine's public API: what the CLI, the batch runner and the server call.
        .target(name: "ShenbaoKit", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoDOCX", "ShenbaoFonts",
                                                    "ShenbaoForms", "ShenbaoFormLayout", "ShenbaoPrint", "ShenbaoSheets",
                                                    "ShenbaoPDFReader", "ShenbaoSign",
                                                    .product(name: "X509", package: "swift-certificates"),
                                                    .product(name: "Crypto", package: "swift-crypto")]),
        // The web application (`shenbao serve`, spec/web.md): an HTTP host of the engine API, as thin as the CLI.
        .target(name: "ShenbaoServer", dependencies: [
            "ShenbaoKit",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // The command line: argument parsing, reporting and exit codes only.
        .executableTarget(name: "shenbao", dependencies: [
            "ShenbaoKit", "ShenbaoServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmark of shaping, subsetting and deflate for PDFs (bench/pdf/run.sh).
        .executableTarget(name: "bench-pdf", dependencies: ["ShenbaoPDF", "ShenbaoPDFWriter", "ShenbaoFonts", "ShenbaoZip", "CZlib", "CDeflate"], path: "bench/pdf",
                          exclude: ["run.sh", "README.md"]),

        // The in-process render benchmark (bench/render/run.sh).
        .executableTarget(name: "bench-render", dependencies: ["ShenbaoKit", "ShenbaoPrint", "ShenbaoFormLayout", "ShenbaoFonts"],
                          path: "bench/render/inprocess"),

        // Signing, endorsing and verifying a pack (bench/sign/run.sh).
        .executableTarget(name: "bench-sign", dependencies: ["ShenbaoKit"], path: "bench/sign", exclude: ["run.sh"]),

        // Reading a 5,000-row batch workbook into records (bench/sheets/run.sh).
        .executableTarget(name: "bench-sheets", dependencies: ["ShenbaoSheets", "ShenbaoForms", "ShenbaoCore"],
                          path: "bench/sheets", exclude: ["run.sh", "README.md"]),

        // Fuzz targets (`make fuzz`: libFuzzer with ASan; a normal build replays their corpus).
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-template", dependencies: ["FuzzSupport", "ShenbaoCore", "ShenbaoTemplate"], path: "Fuzz/fuzz-template"),
        .executableTarget(name: "fuzz-data", dependencies: ["FuzzSupport", "ShenbaoCore"], path: "Fuzz/fuzz-data"),
        .executableTarget(name: "fuzz-zip", dependencies: ["FuzzSupport", "ShenbaoZip"], path: "Fuzz/fuzz-zip"),
        .executableTarget(name: "fuzz-sheets", dependencies: ["FuzzSupport", "ShenbaoSheets", "ShenbaoForms"], path: "Fuzz/fuzz-sheets"),
        .executableTarget(name: "fuzz-docx", dependencies: ["FuzzSupport", "ShenbaoCore", "ShenbaoDOCX", "ShenbaoZip"], path: "Fuzz/fuzz-docx"),
        .executableTarget(name: "fuzz-images", dependencies: ["FuzzSupport", "ShenbaoPDF"], path: "Fuzz/fuzz-images"),
        .executableTarget(name: "fuzz-pdf", dependencies: ["FuzzSupport", "ShenbaoPDFReader"], path: "Fuzz/fuzz-pdf"),
        .executableTarget(name: "fuzz-layout", dependencies: ["FuzzSupport", "ShenbaoCore", "ShenbaoFormLayout"], path: "Fuzz/fuzz-layout"),

        // What the tests share: running outside tools and the built binary, finding ../shared,
        // requirements as skip traits, snapshots and golden texts (which read DOCX with ShenbaoZip).
        .target(name: "ShenbaoTestSupport", dependencies: ["ShenbaoCore", "ShenbaoZip"], path: "Tests/ShenbaoTestSupport"),
        .testTarget(name: "ShenbaoCoreTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore"]),
        .testTarget(name: "ShenbaoTemplateTests", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoZipTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore", "ShenbaoZip"]),
        .testTarget(name: "ShenbaoDOCXTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore", "ShenbaoZip", "ShenbaoDOCX"]),
        .testTarget(name: "ShenbaoFontsTests", dependencies: ["ShenbaoCore", "ShenbaoFonts", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoPDFTests", dependencies: ["ShenbaoCore", "ShenbaoPDF", "ShenbaoPDFWriter", "ShenbaoFonts", "ShenbaoZip", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoPDFReaderTests", dependencies: ["ShenbaoPDFReader", "ShenbaoPDFWriter", "ShenbaoCore", "ShenbaoZip", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoLayoutTests", dependencies: ["ShenbaoTestSupport", "ShenbaoLayout"], exclude: ["Snapshots"]),
        .testTarget(name: "ShenbaoFormsTests", dependencies: ["ShenbaoCore", "ShenbaoForms", "ShenbaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ShenbaoPrintTests", dependencies: ["ShenbaoCore", "ShenbaoFonts", "ShenbaoPDF", "ShenbaoPrint", "ShenbaoFormLayout", "ShenbaoLayout", "ShenbaoKit", "ShenbaoTestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "ShenbaoSignTests", dependencies: [
            "ShenbaoSign", "ShenbaoTestSupport", "ShenbaoCore",
            .product(name: "X509", package: "swift-certificates"),
        ]),
        .testTarget(name: "ShenbaoSheetsTests", dependencies: ["ShenbaoSheets", "ShenbaoForms", "ShenbaoZip", "ShenbaoTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ShenbaoKitTests", dependencies: ["ShenbaoKit", "ShenbaoCore", "ShenbaoTestSupport"]),
        .testTarget(name: "shenbaoCLITests", dependencies: ["ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoServerTests", dependencies: [
            "ShenbaoServer", "ShenbaoKit", "ShenbaoTestSupport", "ShenbaoZip",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
