#include "progress.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer::cli {

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::string label)
    : err_(err), enabled_(enabled), label_(std::move(label)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    const int percent = static_cast<int>(std::min<std::uint64_t>(100, done * 100 / total));
    if (percent == last_percent_) return; // redraw only when something visible changes
    last_percent_ = percent;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    err_ << fmt::format("\r{} [{}{}] {:3}%  {:.1f}/{:.1f} MB", label_, std::string(static_cast<std::size_t>(filled), '#'),
                        std::string(static_cast<std::size_t>(width - filled), '-'), percent, done / 1e6, total / 1e6)
         << std::flush;
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    err_ << "\r\033[K" << std::flush;
    drawn_ = false;
}

} // namespace expeer::cli
