#include "letter/mailbox.hpp"

#include "letter/gmime_objects.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace expeer {

namespace {

namespace fs = std::filesystem;

std::string read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", printable(file.string())));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Maildir: one file a message in new/ and cur/ (tmp/ holds what is still being delivered).
class Maildir final : public Mailbox {
public:
    explicit Maildir(const fs::path& root) : root_(root) {
        for (const char* folder : {"cur", "new"}) {
            std::error_code error;
            if (!fs::is_directory(root / folder, error)) continue; // a new Maildir may lack one
            for (fs::directory_iterator it(root / folder, error), end; !error && it != end; it.increment(error))
                if (it->is_regular_file() && !it->path().filename().string().starts_with("."))
                    files_.push_back(fs::path(folder) / it->path().filename());
            if (error)
                throw Error(ErrorKind::no_input, fmt::format("cannot read the Maildir '{}' ({}): {}",
                                                             printable(root.string()), folder, error.message()));
        }
        std::sort(files_.begin(), files_.end()); // the same order every time
    }

    std::optional<MailboxMessage> next() override {
        if (index_ == files_.size()) return std::nullopt;
        const fs::path& file = files_[index_++];
        return MailboxMessage{file.string(), read_whole(root_ / file)};
    }

private:
    fs::path root_;
    std::vector<fs::path> files_;
    std::size_t index_ = 0;
};

// An mbox file: GMime finds where each message begins and ends ("From " lines); the bytes
// between are the message, as it was delivered.
class Mbox final : public Mailbox {
public:
    explicit Mbox(const fs::path& file) : file_(file), bytes_(read_whole(file)) {
        gmime::start();
        stream_.reset(g_mime_stream_mem_new_with_buffer(bytes_.data(), bytes_.size()));
        parser_.reset(g_mime_parser_new_with_stream(stream_.get()));
        g_mime_parser_set_format(parser_.get(), GMIME_FORMAT_MBOX);
    }

    std::optional<MailboxMessage> next() override {
        if (g_mime_parser_eos(parser_.get())) return std::nullopt;
        gmime::Ref<GMimeMessage> message(g_mime_parser_construct_message(parser_.get(), nullptr));
        if (!message) {
            if (count_ == 0 && !bytes_.empty())
                throw Error(ErrorKind::data, fmt::format("'{}' is not an mbox file (no \"From \" line first)",
                                                         printable(file_.string())));
            return std::nullopt;
        }
        ++count_;
        const auto begin = std::clamp<gint64>(g_mime_parser_get_headers_begin(parser_.get()), 0,
                                              static_cast<gint64>(bytes_.size()));
        const auto end = std::clamp<gint64>(g_mime_parser_tell(parser_.get()), begin, static_cast<gint64>(bytes_.size()));
        return MailboxMessage{fmt::format("message {}", count_),
                              bytes_.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin))};
    }

private:
    fs::path file_;
    std::string bytes_;
    gmime::Ref<GMimeStream> stream_;
    gmime::Ref<GMimeParser> parser_;
    std::size_t count_ = 0;
};

} // namespace

std::unique_ptr<Mailbox> open_mailbox(const std::string& source, const std::string& imap_password) {
    if (source.starts_with("imap://") || source.starts_with("imaps://")) return open_imap_mailbox(source, imap_password);
    std::error_code error;
    const auto status = fs::status(source, error);
    if (error || !fs::exists(status))
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': no such file or directory", printable(source)));
    if (fs::is_directory(status)) {
        if (!fs::is_directory(fs::path(source) / "cur", error) && !fs::is_directory(fs::path(source) / "new", error))
            throw Error(ErrorKind::data, fmt::format("'{}' is a directory but not a Maildir (no cur/ or new/)",
                                                     printable(source)));
        return std::make_unique<Maildir>(source);
    }
    return std::make_unique<Mbox>(source);
}

} // namespace expeer
