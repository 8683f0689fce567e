// ShenbaoKit: the engine's public API, the one thing the CLI, the batch runner and the web server
// call. Its functions take values and return bytes or reports; they never print and never exit.
//
// The core vocabulary (values, data documents, diagnostics, exit statuses, atomic writes) is part
// of this API, so it is re-exported; everything else is reached through the types of this module.
@_exported import ShenbaoCore
import ShenbaoForms
import ShenbaoPrint
import ShenbaoTemplate

/// The kinds of file a form renders to (`pdf`, `docx`).
public typealias OutputFormat = ShenbaoPrint.OutputFormat
/// How a print pack is made: copies, seal, draft mark, compression.
public typealias PrintOptions = ShenbaoPrint.PrintOptions
/// A seal image placed over the signer's seal area.
public typealias SealImage = ShenbaoPrint.SealImage
/// A template's tag delimiters (`{{ }}` unless told).
public typealias Delimiters = ShenbaoTemplate.Delimiters
/// Values written as JSON text, as every `--json` report is.
public typealias JSONText = ShenbaoForms.JSONText
/// Where notices, definitions, layouts and the web pages are found at run time.
public typealias TemplatesFolder = ShenbaoForms.TemplatesFolder
