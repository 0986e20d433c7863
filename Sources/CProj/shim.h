#ifndef ATLAS_PROJ_SHIM_H
#define ATLAS_PROJ_SHIM_H
#include <proj.h>
#endif
