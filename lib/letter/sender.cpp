#include "letter/sender.hpp"

#include "config/config.hpp"
#include "config/secret_file.hpp"
#include "store/database.hpp"
#include "store/letter_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"
#include "util/url.hpp"

#include <curl/curl.h>
#include <cstring>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

namespace expeer {

SmtpSettings smtp_settings(const Config& config) {
    SmtpSettings s;
    const std::string& url = config.get("smtp.url");
    const auto parsed = parse_url(url);
    if (!parsed || (parsed->scheme != "smtp" && parsed->scheme != "smtps"))
        throw Error(ErrorKind::config,
                    fmt::format("smtp.url '{}' ({}): expected smtp://HOST:PORT or smtps://HOST:PORT",
                                config.shown_value("smtp.url"), config.entry("smtp.url").origin));
    s.url = parsed->url; // as libcurl read it, so that it connects where this decided
    // The password and every member's address would cross the network in clear: TLS unless
    // the server is this machine, by the host libcurl will connect to.
    s.tls = parsed->scheme == "smtps"               ? SmtpTls::implicit
            : is_loopback_host(parsed->host) ? SmtpTls::if_offered
                                             : SmtpTls::required;
    s.user = config.get("smtp.user");
    s.password = config.get("smtp.password");
    if (s.password.empty() && !config.get("smtp.password_file").empty())
        s.password = read_secret_file(config, "smtp.password_file");
    s.timeout_seconds = config.get_integer("smtp.timeout_seconds");
    return s;
}

SendLimits send_limits(const Config& config) {
    SendLimits l;
    l.connections = static_cast<int>(std::clamp(config.get_integer("letter.connections"), 1L, 32L));
    l.per_second = static_cast<double>(config.get_integer("letter.per_second"));
    l.per_hour = config.get_integer("letter.per_hour");
    l.max_error_percent = static_cast<int>(config.get_integer("letter.max_error_percent"));
    l.max_attempts = static_cast<int>(std::max(1L, config.get_integer("letter.max_attempts")));
    return l;
}

namespace {

using Steady = std::chrono::steady_clock;

void curl_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One SMTP connection: an easy handle reused from message to message, so its connection is.
struct Slot {
    CURL* easy = nullptr;
    curl_slist* recipients = nullptr;
    std::string data;
    std::size_t offset = 0;
    char error[CURL_ERROR_SIZE] = {};
    std::string last_reply; // the server's refusal, or its last acceptance, as it wrote it
    bool refused = false;

    // libcurl shows SMTP responses only to a debug callback: keep the first refusal (4xx,
    // 5xx), or else the last acceptance ("250 2.0.0 queued as ...").
    static int debug(CURL*, curl_infotype type, char* data, std::size_t size, void* self) {
        if (type != CURLINFO_HEADER_IN) return 0;
        auto* slot = static_cast<Slot*>(self);
        std::string line(data, size);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        if (line.empty() || slot->refused) return 0;
        if (line[0] == '4' || line[0] == '5') {
            slot->last_reply = line;
            slot->refused = true;
        } else if (line.starts_with("250")) {
            slot->last_reply = line;
        }
        return 0;
    }
    LetterSend send;
    bool busy = false;
    std::size_t index = 0; // among the run's connections

    // Once curl has the whole message, the server may deliver it whether or not its reply
    // reaches us: a failure from then on, without a refusal, leaves the outcome unknown.
    bool whole_message_handed_over() const { return !data.empty() && offset == data.size(); }

    static std::size_t read(char* buffer, std::size_t size, std::size_t count, void* self) {
        auto* slot = static_cast<Slot*>(self);
        const std::size_t n = std::min(size * count, slot->data.size() - slot->offset);
        std::memcpy(buffer, slot->data.data() + slot->offset, n);
        slot->offset += n;
        return n;
    }

    void prepare(const SmtpSettings& smtp, const OutgoingMessage& m) {
        if (!easy) easy = curl_easy_init();
        if (!easy) throw Error(ErrorKind::failure, "libcurl cannot start");
        if (recipients) curl_slist_free_all(recipients);
        recipients = curl_slist_append(nullptr, m.to.c_str());
        data = m.data;
        offset = 0;
        error[0] = '\0';
        last_reply.clear();
        refused = false;
        curl_easy_setopt(easy, CURLOPT_URL, smtp.url.c_str());
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
        curl_easy_setopt(easy, CURLOPT_USE_SSL,
                         smtp.tls == SmtpTls::if_offered ? CURLUSESSL_TRY : CURLUSESSL_ALL);
        if (!smtp.user.empty()) {
            curl_easy_setopt(easy, CURLOPT_USERNAME, smtp.user.c_str());
            curl_easy_setopt(easy, CURLOPT_PASSWORD, smtp.password.c_str());
        }
        curl_easy_setopt(easy, CURLOPT_MAIL_FROM, ("<" + m.from + ">").c_str());
        curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &Slot::read);
        curl_easy_setopt(easy, CURLOPT_READDATA, this);
        curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error);
        curl_easy_setopt(easy, CURLOPT_TIMEOUT, smtp.timeout_seconds);
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, 20L);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &Slot::debug);
        curl_easy_setopt(easy, CURLOPT_DEBUGDATA, this);
        curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    }

    ~Slot() {
        if (recipients) curl_slist_free_all(recipients);
        if (easy) curl_easy_cleanup(easy);
    }
};

// unknown: the whole message went out and no reply came back (a timeout, a dropped
// connection); it may have been delivered, so it is never sent again on its own.
enum class Outcome { sent, temporary, permanent, fatal, unknown };

struct Result {
    Outcome outcome;
    std::string reply;
};

// The server's own words when it gave some ("550 5.1.1 <x@y>: no such mailbox"), cut short.
Result classify(CURLcode code, const Slot& slot) {
    long response = 0;
    curl_easy_getinfo(slot.easy, CURLINFO_RESPONSE_CODE, &response);
    const std::string said = slot.last_reply.substr(0, 300);
    const std::string detail =
        !said.empty() && response >= 400 ? said : *slot.error ? slot.error : curl_easy_strerror(code);
    if (code == CURLE_OK) return {Outcome::sent, said.empty() ? "250 accepted" : said};
    if (code == CURLE_LOGIN_DENIED) return {Outcome::fatal, detail};
    if (code == CURLE_USE_SSL_FAILED || code == CURLE_SSL_CONNECT_ERROR || code == CURLE_PEER_FAILED_VERIFICATION)
        return {Outcome::fatal, detail};
    // Not curl's own words: they hold timings, and this reply is what `status --list` shows.
    if (slot.whole_message_handed_over() && !slot.refused)
        return {Outcome::unknown,
                fmt::format("no reply after the whole message was sent ({}): it may have been delivered",
                            code == CURLE_OPERATION_TIMEDOUT ? "timed out" : curl_easy_strerror(code))};
    if (response >= 500) return {Outcome::permanent, detail};
    if (response >= 400) return {Outcome::temporary, detail};
    return {Outcome::temporary, detail}; // the network: try again
}

std::string language_for(const std::string& preferred, const std::string& fallback) {
    return preferred == "fr" || preferred == "en" ? preferred : fallback;
}

// libcurl's SMTP waits for the server's reply to the end of a message in the transfer's
// "done" phase, and there it blocks the whole multi interface (smtp_done runs its state
// machine to the end): with one curl_multi, 4 connections to a server that takes 100 ms to
// accept each message sent no faster than one. So each connection has a thread of its own
// that runs curl_easy_perform, and everything else, the database above all, stays on the
// calling thread, which hands out messages and collects outcomes here.
class Transfers {
  public:
    explicit Transfers(const std::vector<std::unique_ptr<Slot>>& slots) : go_(slots.size(), false) {
        for (std::size_t i = 0; i < slots.size(); ++i) threads_.emplace_back([this, slot = slots[i].get(), i] { run(*slot, i); });
    }
    ~Transfers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        work_.notify_all();
        for (auto& t : threads_) t.join(); // a transfer under way ends at its timeout at worst
    }
    Transfers(const Transfers&) = delete;
    Transfers& operator=(const Transfers&) = delete;

    // Sends the message prepared on the slot of index `i`.
    void start(std::size_t i) {
        {
            std::lock_guard lock(mutex_);
            go_[i] = true;
        }
        work_.notify_all();
    }
    // The transfers that ended, waiting up to `patience` for one.
    std::vector<std::pair<Slot*, CURLcode>> finished(std::chrono::milliseconds patience) {
        std::unique_lock lock(mutex_);
        done_cv_.wait_for(lock, patience, [&] { return !done_.empty(); });
        std::vector<std::pair<Slot*, CURLcode>> out(done_.begin(), done_.end());
        done_.clear();
        return out;
    }

  private:
    void run(Slot& slot, std::size_t i) {
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                work_.wait(lock, [&] { return stopping_ || go_[i]; });
                if (stopping_) return;
                go_[i] = false;
            }
            const CURLcode code = curl_easy_perform(slot.easy);
            {
                std::lock_guard lock(mutex_);
                done_.emplace_back(&slot, code);
            }
            done_cv_.notify_all();
        }
    }

    std::mutex mutex_;
    std::condition_variable work_, done_cv_;
    std::vector<bool> go_; // by slot
    std::deque<std::pair<Slot*, CURLcode>> done_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace

SendReport send_letter(Database& db, const std::string& issue, const std::map<std::string, LetterEdition>& editions,
                       const std::string& fallback_language, const LetterSettings& letter, const SmtpSettings& smtp,
                       const SendLimits& limits, const Clock& clock, const SendCallbacks& callbacks) {
    curl_once();
    LetterStore store(db);
    SendReport report;
    auto now = [&] { return format_timestamp(clock.now()); };

    // Queue whoever subscribes now and is not in the log yet; settle what a crash left.
    {
        std::vector<std::pair<std::int64_t, std::string>> recipients;
        store.for_each_subscriber([&](const Subscriber& s) {
            recipients.emplace_back(s.member_id, language_for(s.language, fallback_language));
        });
        db.write([&](Write&) {
            report.queued = store.enqueue(issue, recipients, now());
            report.interrupted = store.mark_interrupted(issue, now());
            if (limits.retry_failed) store.retry(issue, "failed", now());
            if (limits.resend_interrupted) store.retry(issue, "interrupted", now());
        });
    }
    const auto counts = store.counts(issue);
    const std::size_t total = static_cast<std::size_t>(counts.count("pending") ? counts.at("pending") : 0);

    long hour_budget = -1;
    if (limits.per_hour > 0)
        hour_budget = std::max(0L, limits.per_hour - static_cast<long>(store.sent_since(
                                                         format_timestamp(clock.now() - std::chrono::hours(1)))));

    std::vector<std::unique_ptr<Slot>> slots;
    for (int i = 0; i < limits.connections; ++i) slots.push_back(std::make_unique<Slot>());
    for (std::size_t i = 0; i < slots.size(); ++i) slots[i]->index = i;
    Transfers transfers(slots);

    struct Retry {
        Steady::time_point at;
        LetterSend send;
    };
    std::deque<LetterSend> queue;
    std::deque<Retry> retries;
    std::int64_t read_up_to = 0; // the log is read forward, by member id
    bool exhausted = false;      // no more pending rows to read
    std::size_t attempted = 0, done = 0, permanent = 0;
    auto next_start = Steady::now();
    const auto interval = limits.per_second > 0 ? std::chrono::duration_cast<Steady::duration>(
                                                      std::chrono::duration<double>(1.0 / limits.per_second))
                                                : Steady::duration::zero();

    auto stop = [&](SendReport::Stop reason, std::string why) {
        if (report.stop != SendReport::Stop::no) return;
        report.stop = reason;
        report.stopped = std::move(why);
    };

    // The outcomes of the messages that just finished and the "sending" marks of those that
    // replace them go in one commit (one disk sync instead of two per message), and curl gets
    // the new ones only once it is made: nothing leaves unless recorded as leaving. Gathered
    // first, so that the per-second limit's waits hold no lock.
    std::vector<LetterSend> unrecorded; // outcomes not in the log yet
    std::vector<Slot*> starting;        // marked "sending", not handed to curl yet
    auto save = [&](const LetterSend& s) { unrecorded.push_back(s); };
    // Through the database's busy guard, like every writer: a lock held past the busy timeout
    // is a temporary Error. Then nothing new starts, and the outcomes are kept to record once
    // the lock is free: a message whose fate is known must not be left "sending".
    auto record = [&]() -> bool {
        if (unrecorded.empty() && starting.empty()) return true;
        try {
            db.write([&](Write&) {
                for (const auto& send : unrecorded) store.update(send);
                for (const Slot* slot : starting) store.update(slot->send);
            });
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::temporary) throw;
            for (Slot* slot : starting) { // never left: still pending in the log
                slot->busy = false;
                --attempted;
                if (hour_budget >= 0) ++hour_budget;
            }
            starting.clear();
            stop(SendReport::Stop::database_busy, "the database stayed locked by another command");
            return false;
        }
        unrecorded.clear();
        for (Slot* slot : starting) transfers.start(slot->index);
        starting.clear();
        return true;
    };

    auto start_next = [&](Slot& slot) -> bool {
        for (;;) {
            if (report.stop != SendReport::Stop::no) return false;
            if (hour_budget == 0) {
                stop(SendReport::Stop::hourly_limit, "the hourly limit (letter.per_hour) is reached");
                return false;
            }
            LetterSend send;
            if (!retries.empty() && retries.front().at <= Steady::now()) {
                send = retries.front().send;
                retries.pop_front();
            } else {
                if (queue.empty() && !exhausted) {
                    // Rows behind the cursor that are still pending are being retried or were
                    // given up for this run: they are not read again.
                    for (auto& s : store.pending(issue, read_up_to, 256)) queue.push_back(std::move(s));
                    if (queue.empty()) exhausted = true;
                    else read_up_to = queue.back().member_id;
                }
                if (queue.empty()) return false;
                send = std::move(queue.front());
                queue.pop_front();
            }
            const auto subscriber = store.subscriber(send.member_id);
            if (!subscriber) { // unsubscribed or disabled since queued
                send.status = "failed";
                send.reply = "no longer a subscriber: not sent";
                send.updated_at = now();
                save(send);
                ++report.left_out;
                ++done;
                continue;
            }
            const auto edition = editions.find(send.language);
            if (edition == editions.end()) throw Error(ErrorKind::failure, "no edition in " + send.language);
            OutgoingMessage message;
            try {
                message = letter_message(edition->second, issue, send.member_id, subscriber->display_name,
                                         subscriber->email, letter, now());
            } catch (const Error& e) {
                send.status = "failed";
                send.reply = e.what();
                send.updated_at = now();
                save(send);
                ++report.failed;
                ++done;
                continue;
            }
            if (interval > Steady::duration::zero()) {
                const auto wait = next_start - Steady::now();
                if (wait > Steady::duration::zero()) std::this_thread::sleep_for(wait);
                next_start = std::max(next_start, Steady::now()) + interval;
            }
            // Recorded as being sent before a byte leaves: a crash from here on leaves it
            // "sending", and the next run will not send it again.
            send.status = "sending";
            send.attempts += 1;
            send.message_id = message.message_id;
            send.updated_at = now();
            slot.send = send;
            slot.prepare(smtp, message);
            slot.busy = true;
            starting.push_back(&slot);
            if (hour_budget > 0) --hour_budget;
            ++attempted;
            return true;
        }
    };

    // The same permanent refusal, word for word, for the first recipients of a run says the
    // server refuses us (a relay that rejects the sender), not them: marking them failed would
    // fail the whole list, 20 more a run. They go back to pending, as does every later one
    // refused the same way, and the run stops.
    std::vector<LetterSend> first_refused;
    bool server_judged = false;
    std::string refusal;
    auto refuses_everyone = [&](const LetterSend& send, const std::string& reply) -> bool {
        if (server_judged) return report.stop == SendReport::Stop::server_refuses_everyone && reply == refusal;
        if (!first_refused.empty() && reply != refusal) {
            server_judged = true;
            return false;
        }
        refusal = reply;
        first_refused.push_back(send);
        if (first_refused.size() < limits.same_refusals_to_stop) return false;
        server_judged = true;
        for (auto& earlier : first_refused) {
            if (earlier.member_id == send.member_id) continue;
            earlier.status = "pending";
            save(earlier);
            --report.failed;
            --permanent;
            --done;
        }
        stop(SendReport::Stop::server_refuses_everyone,
             fmt::format("the SMTP server refused the first {} recipients with the same reply, '{}': it refuses this "
                         "sender or this client, not the addresses; none was marked failed",
                         first_refused.size(), printable(refusal)));
        return true;
    };
    auto judge_server = [&](Outcome outcome) {
        if (outcome != Outcome::permanent && !first_refused.empty()) server_judged = true;
        if (outcome == Outcome::sent) server_judged = true;
    };

    // Records what became of the message on `slot` (sent, failed, to retry) from curl's result.
    auto finish = [&](Slot& slot, CURLcode code) {
        const Result result = classify(code, slot);
        slot.busy = false;
        LetterSend send = slot.send;
        judge_server(result.outcome);
        send.reply = result.reply;
        send.updated_at = now();
        switch (result.outcome) {
        case Outcome::sent:
            send.status = "sent";
            ++report.sent;
            ++done;
            break;
        case Outcome::permanent:
            if (refuses_everyone(send, result.reply)) {
                send.status = "pending"; // the server's fault, not the address's
                break;
            }
            send.status = "failed";
            ++report.failed;
            ++permanent;
            ++done;
            break;
        case Outcome::temporary:
            send.status = "pending";
            if (send.attempts < limits.max_attempts) {
                // Back-off: 1 s, 2 s, 4 s... then the next run (cron) tries again.
                retries.push_back({Steady::now() + std::chrono::seconds(1 << std::min(send.attempts - 1, 5)), send});
                std::sort(retries.begin(), retries.end(), [](const Retry& a, const Retry& b) { return a.at < b.at; });
            } else {
                ++done;
            }
            break;
        case Outcome::unknown:
            send.status = "interrupted";
            ++report.unanswered;
            ++done;
            break;
        case Outcome::fatal:
            send.status = "pending";
            stop(SendReport::Stop::server_refused, "the SMTP server refused us: " + result.reply);
            break;
        }
        save(send);
        if (attempted >= 20 && permanent * 100 > attempted * static_cast<std::size_t>(limits.max_error_percent))
            stop(SendReport::Stop::too_many_failures,
                 fmt::format("more than {}% of the addresses failed", limits.max_error_percent));
        if (callbacks.on_progress) callbacks.on_progress(done, total);
    };
    auto start_idle_slots = [&] {
        bool started = false;
        for (auto& slot : slots)
            if (!slot->busy) started = start_next(*slot) || started;
        return record() && started;
    };

    start_idle_slots();
    for (;;) {
        const bool any_busy = std::any_of(slots.begin(), slots.end(), [](const auto& s) { return s->busy; });
        if (!any_busy) {
            if (report.stop != SendReport::Stop::no) break;
            if (!retries.empty()) {
                std::this_thread::sleep_until(retries.front().at);
                start_idle_slots();
                continue;
            }
            if (!start_idle_slots()) break;
            continue;
        }
        // The outcomes come in as they end; a wake-up with nothing finished opens no transaction.
        const auto finished = transfers.finished(std::chrono::milliseconds(200));
        if (!finished.empty()) {
            for (const auto& [slot, code] : finished) {
                finish(*slot, code);
                start_next(*slot);
            }
            record();
        }
    }
    // Outcomes a held lock kept out of the log: a few more busy timeouts' patience, since
    // what is not recorded stays "sending", and the next run would call it interrupted.
    for (int attempt = 0; attempt < 3 && !unrecorded.empty(); ++attempt) record();
    if (!unrecorded.empty())
        throw Error(ErrorKind::temporary,
                    fmt::format("the database stayed locked: the outcome of {} messages could not be recorded (the "
                                "next run counts them interrupted); try again later",
                                unrecorded.size()));
    // Whatever is still pending (retries not yet due, limits) waits for the next run.
    const auto after = store.counts(issue);
    report.deferred = static_cast<std::size_t>(after.count("pending") ? after.at("pending") : 0);
    report.interrupted_in_issue = static_cast<std::size_t>(after.count("interrupted") ? after.at("interrupted") : 0);
    return report;
}

void send_test_copies(const std::string& issue, const std::map<std::string, LetterEdition>& editions,
                      const std::string& address, const LetterSettings& letter, const SmtpSettings& smtp, const Clock& clock) {
    curl_once();
    for (const auto& [language, edition] : editions) {
        const OutgoingMessage message =
            letter_message(edition, issue, 0, "Test", address, letter, format_timestamp(clock.now()), CopyKind::test);
        Slot slot;
        slot.prepare(smtp, message);
        const CURLcode code = curl_easy_perform(slot.easy);
        const Result result = classify(code, slot);
        if (result.outcome != Outcome::sent)
            throw Error(result.outcome == Outcome::temporary ? ErrorKind::temporary : ErrorKind::failure,
                        fmt::format("the test copy in {} to {} was refused: {}", language, address, result.reply));
    }
}

} // namespace expeer
