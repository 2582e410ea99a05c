#include "platform/http.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <exception>
#include <fmt/format.h>
#include <mutex>
#include <thread>

namespace expeer {

std::string describe_call(const HttpRequest& request) {
    return request.method + " " + request.path;
}

namespace {

void curl_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A failure worth another try: the network, or the server saying it cannot answer now.
bool passing(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

bool passing(long status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

// One try of one call: where its answer goes.
struct CurlTransport::Attempt {
    const BodySink* sink = nullptr;
    std::size_t max_body = 0;
    CURL* easy = nullptr;
    std::string body;
    bool too_big = false;
    std::exception_ptr failed; // the sink's: rethrown once libcurl has returned

    // No exception may cross libcurl's C frames: a failing sink stops the transfer instead.
    static std::size_t write(char* data, std::size_t size, std::size_t count, void* self) {
        auto* a = static_cast<Attempt*>(self);
        const std::size_t n = size * count;
        long status = 0;
        curl_easy_getinfo(a->easy, CURLINFO_RESPONSE_CODE, &status);
        if (a->sink && status >= 200 && status < 300) {
            try {
                a->sink->write(std::string_view(data, n));
            } catch (...) {
                a->failed = std::current_exception();
                return 0;
            }
            return n;
        }
        if (a->body.size() + n > a->max_body) {
            a->too_big = true;
            return 0; // stops the transfer
        }
        a->body.append(data, n);
        return n;
    }
};

CurlTransport::CurlTransport(Options options) : options_(std::move(options)) {
    curl_once();
    CURL* easy = curl_easy_init();
    if (!easy) throw Error(ErrorKind::failure, "cannot start libcurl");
    easy_ = easy;
    curl_slist* headers = nullptr;
    for (const auto& h : options_.headers)
        headers = curl_slist_append(headers, h.c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    headers_ = headers;
    if (!options_.sleep)
        options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

CurlTransport::~CurlTransport() {
    curl_easy_cleanup(static_cast<CURL*>(easy_));
    curl_slist_free_all(static_cast<curl_slist*>(headers_));
}

namespace {

// The request's URL, its path and every query value escaped by libcurl's URL API.
std::string url_of(const std::string& base, const HttpRequest& request) {
    CURLU* u = curl_url();
    std::string out;
    if (curl_url_set(u, CURLUPART_URL, (base + request.path).c_str(), 0) == CURLUE_OK) {
        for (const auto& [name, value] : request.query)
            curl_url_set(u, CURLUPART_QUERY, (name + "=" + value).c_str(),
                         CURLU_APPENDQUERY | CURLU_URLENCODE);
        char* text = nullptr;
        if (curl_url_get(u, CURLUPART_URL, &text, 0) == CURLUE_OK) out = text;
        curl_free(text);
    }
    curl_url_cleanup(u);
    if (out.empty())
        throw Error(ErrorKind::failure,
                    fmt::format("{}: not a usable URL", describe_call(request)));
    return out;
}

} // namespace

HttpResponse CurlTransport::send(const HttpRequest& request, const BodySink* sink) {
    auto* easy = static_cast<CURL*>(easy_);
    const std::string url = url_of(options_.base_url, request);
    std::chrono::milliseconds wait = options_.retry_delay;
    std::string why;
    for (int attempt = 0;; ++attempt) {
        if (attempt > 0) {
            options_.sleep(wait);
            wait *= 2;
            if (sink && sink->restart) sink->restart();
        }
        Attempt a{sink, options_.max_body, easy, {}, false, nullptr};
        char error[CURL_ERROR_SIZE] = {};
        curl_easy_reset(easy);
        curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(headers_));
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        if (request.json) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.json->c_str());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.json->size()));
        } else if (request.method == "PUT" || request.method == "POST") {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, "");
        }
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Attempt::write);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &a);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error);
        if (sink) {
            // A file may take long on a slow link: it fails only when it stalls that long.
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options_.timeout_seconds);
        } else {
            curl_easy_setopt(easy, CURLOPT_TIMEOUT, options_.timeout_seconds);
        }
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, std::min(options_.timeout_seconds, 30L));
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION,
                         0L); // a redirect would carry the key elsewhere
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(easy, CURLOPT_USERAGENT, "expeer/" EXPEER_VERSION);
        if (!options_.ca_file.empty())
            curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
        const CURLcode code = curl_easy_perform(easy);
        if (a.failed) std::rethrow_exception(a.failed);
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        if (a.too_big)
            throw Error(ErrorKind::data,
                        fmt::format("{}: the answer is larger than {} MB", describe_call(request),
                                    options_.max_body >> 20));
        if (code == CURLE_OK && !passing(status)) return {status, std::move(a.body)};
        if (code != CURLE_OK && !passing(code))
            throw Error(code == CURLE_PEER_FAILED_VERIFICATION ||
                                code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_CONNECT_ERROR
                            ? ErrorKind::config
                            : ErrorKind::failure,
                        fmt::format("{}: {}", describe_call(request),
                                    error[0] ? error : curl_easy_strerror(code)));
        why = code != CURLE_OK ? std::string(error[0] ? error : curl_easy_strerror(code))
                               : fmt::format("HTTP {}", status);
        if (attempt >= options_.retries) break;
    }
    throw Error(ErrorKind::temporary,
                fmt::format("{}: the platform failed {} times ({}); try again later",
                            describe_call(request), options_.retries + 1, why));
}

TransportPool::TransportPool(std::function<std::unique_ptr<HttpTransport>()> make,
                             std::size_t connections)
    : make_(std::move(make)), connections_(std::max<std::size_t>(connections, 1)) {}

HttpResponse TransportPool::send(const HttpRequest& request, const BodySink* sink) {
    std::unique_ptr<HttpTransport> transport;
    {
        std::unique_lock lock(mutex_);
        freed_.wait(lock, [&] { return !idle_.empty() || made_ < connections_; });
        if (!idle_.empty()) {
            transport = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++made_;
        }
    }
    try {
        if (!transport) transport = make_();
    } catch (...) {
        const std::lock_guard lock(mutex_);
        --made_;
        freed_.notify_one();
        throw;
    }
    // Back in the pool whatever happens, so that the next call finds it.
    struct Give {
        TransportPool& pool;
        std::unique_ptr<HttpTransport>& transport;
        ~Give() {
            const std::lock_guard lock(pool.mutex_);
            pool.idle_.push_back(std::move(transport));
            pool.freed_.notify_one();
        }
    } give{*this, transport};
    return transport->send(request, sink);
}

} // namespace expeer
