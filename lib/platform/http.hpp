// How expeer talks HTTP to the collaboration platform: connections kept alive from call to
// call (a few at once, TransportPool), TLS checked; a call that fails for a passing reason (a 5xx answer, a timeout, a
// refused or dropped connection) is tried again with back-off. The transport is a seam: the
// Tracim client takes any, and the library never opens a connection of its own.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace expeer {

struct HttpRequest {
    std::string method = "GET";
    std::string path; // "/api/users", already escaped where it holds names
    std::vector<std::pair<std::string, std::string>> query; // escaped when sent
    std::optional<std::string> json;                        // a JSON body
};

struct HttpResponse {
    long status = 0;
    std::string body; // empty when a sink took it
};

// Where a successful answer's body goes as it arrives, instead of memory (file bytes).
struct BodySink {
    std::function<void(std::string_view)> write;
    std::function<void()> restart; // before the call is tried again
};

class HttpTransport {
  public:
    virtual ~HttpTransport() = default;
    // The answer, whatever its status; an Error(temporary) naming the call when it keeps
    // failing for a passing reason.
    virtual HttpResponse send(const HttpRequest& request, const BodySink* sink = nullptr) = 0;
};

// "GET /api/users": a call as messages name it (never the key, never the query's values).
std::string describe_call(const HttpRequest& request);

class CurlTransport : public HttpTransport {
  public:
    struct Options {
        std::string base_url;             // https://host[:port], no trailing slash
        std::vector<std::string> headers; // "Name: value"; secrets allowed, never shown
        long timeout_seconds = 30;
        int retries = 4;
        std::chrono::milliseconds retry_delay{1000}; // the first wait; it doubles
        std::string ca_file;
        std::size_t max_body = 64 << 20; // a bigger answer (not through a sink) is refused
        // How to wait between tries: injected, so tests need not wait.
        std::function<void(std::chrono::milliseconds)> sleep;
    };
    explicit CurlTransport(Options options);
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    HttpResponse send(const HttpRequest& request, const BodySink* sink = nullptr) override;

  private:
    struct Attempt;
    Options options_;
    void* easy_ = nullptr;    // CURL*
    void* headers_ = nullptr; // curl_slist*
};

// Up to `connections` calls at once, each on a connection of its own (a CurlTransport made
// when first needed, then kept alive): a client that asks for many small answers keeps the
// platform busy instead of waiting for each round trip. Safe to call from several threads.
class TransportPool : public HttpTransport {
  public:
    TransportPool(std::function<std::unique_ptr<HttpTransport>()> make, std::size_t connections);
    HttpResponse send(const HttpRequest& request, const BodySink* sink = nullptr) override;

  private:
    std::function<std::unique_ptr<HttpTransport>()> make_;
    std::size_t connections_;
    std::size_t made_ = 0;
    std::vector<std::unique_ptr<HttpTransport>> idle_;
    std::mutex mutex_;
    std::condition_variable freed_;
};

} // namespace expeer
