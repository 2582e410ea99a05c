// GMime, the MIME parser of returned mail (GNOME's, in Debian as libgmime-3.0): started once,
// and its objects released by their owner, whatever leaves the scope.
#pragma once

#include <gmime/gmime.h>

#include <memory>

namespace expeer::gmime {

struct Unref {
    void operator()(void* object) const {
        if (object) g_object_unref(object);
    }
};
template <typename T> using Ref = std::unique_ptr<T, Unref>;

// Thread-safe, and idempotent: GMime keeps global tables.
void start();

} // namespace expeer::gmime
