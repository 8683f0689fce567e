// libxml2 for Swift. Debian builds libxml2 with ICU, whose headers clash with the copy of ICU
// inside Foundation when one Swift file sees both modules. Nothing here uses libxml2's ICU
// converters (only a pointer to xmlCharEncodingHandler is ever handled), so the ICU parts
// of its headers are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
