#include <zlib.h>

/// `inflateInit2` for gzip members only (a macro, which Swift cannot call).
static inline int fraud_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}
