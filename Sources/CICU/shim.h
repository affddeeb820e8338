// Carries ICU's pkg-config flags to CICUShims. Swift code never imports this module.
#include <unicode/unorm2.h>
