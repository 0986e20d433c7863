#ifndef ATLAS_SPATIALITE_SHIM_H
#define ATLAS_SPATIALITE_SHIM_H
#include <sqlite3.h>
#include <spatialite.h>

static void atlas_spatialite_release(void *cache) { spatialite_cleanup_ex(cache); }
static void atlas_spatialite_noop(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc; (void)argv; sqlite3_result_null(context);
}

/// Loads SpatiaLite into one connection. The cache is owned by a marker SQL function whose
/// destructor SQLite calls when the connection closes, so the cache lives exactly as long.
static int atlas_spatialite_attach(sqlite3 *db) {
    void *cache = spatialite_alloc_connection();
    if (cache == 0) return SQLITE_NOMEM;
    spatialite_init_ex(db, cache, 0);
    return sqlite3_create_function_v2(db, "atlas_spatialite_cache", 0, SQLITE_UTF8, cache,
                                      atlas_spatialite_noop, 0, 0, atlas_spatialite_release);
}
#endif
