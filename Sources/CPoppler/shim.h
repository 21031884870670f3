// poppler's GLib interface (documents, pages, their text and one rectangle per character) and
// cairo's SVG surface, into which a page is rendered to find its ruling lines, which poppler-glib
// has no call for.
#include <poppler.h>
#include <cairo.h>
#include <cairo-svg.h>
