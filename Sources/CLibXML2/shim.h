// Carries libxml2's pkg-config flags to CXMLShims. Swift code never imports this module.
#include <libxml/parser.h>
