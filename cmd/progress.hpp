// A progress bar on stderr for long jobs: drawn only on a terminal and never under --quiet,
// so cron gets nothing but the summary.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace expeer::cli {

class ProgressBar {
public:
    ProgressBar(std::ostream& err, bool enabled, std::string label);
    ~ProgressBar();
    void update(std::uint64_t done, std::uint64_t total);
    void finish(); // clears the line

private:
    std::ostream& err_;
    bool enabled_;
    std::string label_;
    int last_percent_ = -1;
    bool drawn_ = false;
};

} // namespace expeer::cli
