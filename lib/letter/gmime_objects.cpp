#include "letter/gmime_objects.hpp"

#include <mutex>

namespace expeer::gmime {

void start() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

} // namespace expeer::gmime
