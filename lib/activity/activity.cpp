#include "activity/activity.hpp"

namespace expeer {

const std::vector<std::string>& activity_kinds() {
    static const std::vector<std::string> kinds = {"news", "comment", "file", "membership", "login", "view"};
    return kinds;
}

} // namespace expeer
