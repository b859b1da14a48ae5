#ifndef REPLICALAB_CCMARK_SHIM_H
#define REPLICALAB_CCMARK_SHIM_H
#include <cmark.h>
#endif
