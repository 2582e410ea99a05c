// An IMAP folder through libcurl: the message UIDs once (UID SEARCH ALL), then each message by
// its UID. libcurl's FETCH marks a message \Seen, which is all it changes; a message is
// counted once whatever its flags, by the database's record of it. TLS is required, and its
// certificate verified (libcurl's default, never turned off here): the password and the
// members' addresses in the reports would otherwise cross the network in clear.
#include "letter/mailbox.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"
#include "util/url.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

namespace expeer {

namespace {

std::size_t append(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

class ImapFolder final : public Mailbox {
public:
    ImapFolder(const ParsedUrl& url, const std::string& password)
        : url_(url.url), shown_(url_without_credentials(url.url)), password_(password),
          tls_(url.scheme == "imaps" || !is_loopback_host(url.host) ? CURLUSESSL_ALL : CURLUSESSL_TRY) {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        // Owned from here: the search below throws on a refused login, before any destructor.
        easy_.reset(curl_easy_init());
        if (!easy_) throw Error(ErrorKind::failure, "libcurl cannot start");
        std::istringstream found(request(url_, "UID SEARCH ALL"));
        for (std::string line; std::getline(found, line);) {
            if (!line.starts_with("* SEARCH")) continue;
            std::istringstream numbers(line.substr(8));
            for (unsigned long uid; numbers >> uid;) uids_.push_back(uid);
        }
    }
    ImapFolder(const ImapFolder&) = delete;
    ImapFolder& operator=(const ImapFolder&) = delete;

    std::optional<MailboxMessage> next() override {
        if (index_ == uids_.size()) return std::nullopt;
        const unsigned long uid = uids_[index_++];
        const std::string base = url_.ends_with('/') ? url_.substr(0, url_.size() - 1) : url_;
        return MailboxMessage{fmt::format("UID {}", uid), request(fmt::format("{}/;UID={}", base, uid), "")};
    }

private:
    std::string request(const std::string& url, const std::string& command) {
        std::string body;
        char error[CURL_ERROR_SIZE] = {};
        curl_easy_reset(easy_.get());
        curl_easy_setopt(easy_.get(), CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy_.get(), CURLOPT_PROTOCOLS_STR, "imap,imaps");
        curl_easy_setopt(easy_.get(), CURLOPT_USE_SSL, tls_);
        if (!password_.empty()) curl_easy_setopt(easy_.get(), CURLOPT_PASSWORD, password_.c_str());
        if (!command.empty()) curl_easy_setopt(easy_.get(), CURLOPT_CUSTOMREQUEST, command.c_str());
        curl_easy_setopt(easy_.get(), CURLOPT_WRITEFUNCTION, &append);
        curl_easy_setopt(easy_.get(), CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(easy_.get(), CURLOPT_ERRORBUFFER, error);
        curl_easy_setopt(easy_.get(), CURLOPT_CONNECTTIMEOUT, 20L);
        curl_easy_setopt(easy_.get(), CURLOPT_TIMEOUT, 120L);
        curl_easy_setopt(easy_.get(), CURLOPT_NOSIGNAL, 1L);
        const CURLcode code = curl_easy_perform(easy_.get());
        if (code == CURLE_LOGIN_DENIED)
            throw Error(ErrorKind::permission, fmt::format("'{}' refused the user and letter.bounce_password", shown_));
        if (code != CURLE_OK)
            throw Error(ErrorKind::temporary, fmt::format("cannot read '{}': {}", shown_,
                                                          printable(url_without_credentials(*error ? error : curl_easy_strerror(code)))));
        return body;
    }

    struct EasyCleanup {
        void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
    };
    std::unique_ptr<CURL, EasyCleanup> easy_;
    std::string url_, shown_, password_;
    long tls_;
    std::vector<unsigned long> uids_;
    std::size_t index_ = 0;
};

} // namespace

std::unique_ptr<Mailbox> open_imap_mailbox(const std::string& url, const std::string& password) {
    const auto parsed = parse_url(url);
    if (!parsed || (parsed->scheme != "imap" && parsed->scheme != "imaps") || parsed->path.size() < 2)
        throw Error(ErrorKind::usage, fmt::format("'{}': expected imaps://USER@HOST/FOLDER",
                                                  printable(url_without_credentials(url))));
    return std::make_unique<ImapFolder>(*parsed, password);
}

} // namespace expeer
