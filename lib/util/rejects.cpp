#include "util/rejects.hpp"

#include "util/error.hpp"

namespace expeer {

RejectsFile::RejectsFile(const InvalidRows& policy, bool dry_run) {
    if (policy.rejects_file && !policy.skip) throw Error(ErrorKind::usage, "--rejects goes with --skip-invalid");
    if (policy.skip && policy.rejects_file && !dry_run) file_.emplace(*policy.rejects_file, policy.overwrite_rejects);
}

void RejectsFile::write(std::string_view text) {
    if (file_) file_->write(text);
}

void RejectsFile::commit() {
    if (file_) file_->commit();
}

} // namespace expeer
