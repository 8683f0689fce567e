// swift-tools-version:6.0
// Shenbao (申报): structured data → print-ready official forms (PDF, DOCX).
// Modules depend one way: Core → Template → (DOCX | Fonts → Layout, PDF) → Forms → Print → CLI.
import PackageDescription

let package = Package(
    name: "Shenbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shenbao", targets: ["shenbao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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

        // Values, loaders, diagnostics: no project dependencies.
        .target(name: "ShenbaoCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The template language: lexer → parser → nodes → renderer, filters.
        .target(name: "ShenbaoTemplate", dependencies: ["ShenbaoCore"]),
        // DEFLATE on whole buffers (libdeflate), a bounded ZIP reader and a deterministic writer.
        .target(name: "ShenbaoZip", dependencies: ["CDeflate", "ShenbaoCore"]),
        // Filling users' Word templates; writing WordprocessingML.
        .target(name: "ShenbaoDOCX", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoZip", "CLibXML2"]),
        // Font faces, shaping, metrics and subsetting through HarfBuzz.
        .target(name: "ShenbaoFonts", dependencies: ["CHarfBuzz", "ShenbaoCore"]),
        // A small typed PDF object writer: knows no layout.
        .target(name: "ShenbaoPDF", dependencies: ["ShenbaoZip", "ShenbaoCore", "ShenbaoFonts"]),
        // Boxes, lines, tables and pages: knows no PDF.
        .target(name: "ShenbaoLayout", dependencies: ["ShenbaoCore", "ShenbaoFonts"]),
        // Notice configurations, form definitions and the validator's rules.
        .target(name: "ShenbaoForms", dependencies: ["ShenbaoCore", "ShenbaoTemplate"]),
        // Form layouts rendered to PDF and DOCX.
        .target(name: "ShenbaoPrint", dependencies: ["ShenbaoCore", "ShenbaoTemplate", "ShenbaoForms",
                                                      "ShenbaoLayout", "ShenbaoFonts", "ShenbaoPDF", "ShenbaoDOCX"]),
        // The command line: argument parsing and exit codes only.
        .executableTarget(name: "shenbao", dependencies: [
            "ShenbaoCore", "ShenbaoTemplate", "ShenbaoDOCX", "ShenbaoForms", "ShenbaoPrint",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmark of shaping, subsetting and deflate for PDFs (bench/pdf/run.sh).
        .executableTarget(name: "bench-pdf", dependencies: ["ShenbaoPDF", "ShenbaoFonts", "ShenbaoZip", "CZlib", "CDeflate"], path: "bench/pdf",
                          exclude: ["run.sh", "README.md"]),

        // What the tests share: running outside tools and the built binary, finding ../shared,
        // requirements as skip traits, snapshots and golden texts (which read DOCX with ShenbaoZip).
        .target(name: "ShenbaoTestSupport", dependencies: ["ShenbaoZip"], path: "Tests/ShenbaoTestSupport"),
        .testTarget(name: "ShenbaoCoreTests", dependencies: ["ShenbaoCore"]),
        .testTarget(name: "ShenbaoTemplateTests", dependencies: ["ShenbaoTemplate", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoZipTests", dependencies: ["ShenbaoZip"]),
        .testTarget(name: "ShenbaoDOCXTests", dependencies: ["ShenbaoDOCX"]),
        .testTarget(name: "ShenbaoFontsTests", dependencies: ["ShenbaoFonts", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoPDFTests", dependencies: ["ShenbaoPDF", "ShenbaoFonts", "ShenbaoZip", "ShenbaoTestSupport"]),
        .testTarget(name: "ShenbaoLayoutTests", dependencies: ["ShenbaoLayout", "ShenbaoTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ShenbaoFormsTests", dependencies: ["ShenbaoForms", "ShenbaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ShenbaoPrintTests", dependencies: ["ShenbaoPrint", "ShenbaoTestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "shenbaoCLITests", dependencies: ["ShenbaoTestSupport"]),
    ]
)
