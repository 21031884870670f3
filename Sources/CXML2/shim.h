// Debian's libxml2 is built with ICU, and its encoding.h then includes ICU's headers, whose
// UErrorCode clashes with the copy Foundation carries (_FoundationICU) in any module that
// imports both. The reader never touches the encoding handlers (the only ICU use in the
// headers), so the ICU part is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
