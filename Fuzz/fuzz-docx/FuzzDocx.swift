// DOCX filling: random bytes as word/document.xml inside an otherwise valid package, compiled
// and filled with a fixed record.
import FuzzSupport
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoZip

let types = Array("""
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """.utf8)
let rels = Array("""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="word/document.xml"/></Relationships>
    """.utf8)
let record: Value = ["name": "上海", "items": [["n": 1], ["n": 2]], "ok": true, "seal": "x.png"]

func fuzzDOCX(_ bytes: [UInt8]) {
    var writer = ZipWriter()
    writer.add("[Content_Types].xml", contents: types)
    writer.add("_rels/.rels", contents: rels)
    writer.add("word/document.xml", contents: bytes, level: 0)
    guard let template = try? DOCXTemplate(bytes: writer.finish()) else { return }
    _ = try? template.fill(record)
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-docx", fuzzDOCX) { data, size in
            fuzzDOCX(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
