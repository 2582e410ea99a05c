// Sends an approved issue to every subscriber over SMTP (libcurl), with a durable record of
// each (issue, member) send: a rerun never sends twice and finishes what a crash left.
// Several connections at once, each reused from message to message; temporary failures (4xx,
// network) are retried with back-off, permanent ones (5xx) mark the address failed; sending
// stops when too many fail. A message the server had whole but never answered (a timeout
// after the data) may have been delivered: it is marked interrupted, never retried on its own.
#pragma once

#include "letter/edition.hpp"
#include "letter/message.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace expeer {

class Clock;
class Config;
class Database;

// How the connection to the SMTP server is protected.
enum class SmtpTls {
    implicit,   // smtps://
    required,   // smtp:// and STARTTLS, or nothing is sent (not even AUTH)
    if_offered, // smtp:// to this machine (a local relay): STARTTLS when the server offers it
};

struct SmtpSettings {
    std::string url; // smtp://host:587 or smtps://host:465, as libcurl's parser wrote it back
    SmtpTls tls = SmtpTls::required;
    std::string user;
    std::string password; // from the environment or a file; never printed
    long timeout_seconds = 60;
};
SmtpSettings smtp_settings(const Config& config);

struct SendLimits {
    int connections = 4;
    double per_second = 0; // 0: no limit
    long per_hour = 0;     // 0: no limit
    int max_error_percent = 10;
    int max_attempts = 3;  // in one run, for temporary failures
    // The same 5xx reply to this many first recipients of a run: the server refuses us.
    std::size_t same_refusals_to_stop = 5;
    bool retry_failed = false;
    // A crash leaves messages that may or may not have left: sent again only when asked.
    bool resend_interrupted = false;
};
SendLimits send_limits(const Config& config);

struct SendReport {
    std::size_t queued = 0;      // added to the log by this run
    std::size_t sent = 0;
    std::size_t failed = 0;      // permanent failures in this run
    std::size_t deferred = 0;    // still pending: temporary failures, limits
    std::size_t interrupted = 0; // found left "sending" by a crashed run
    std::size_t unanswered = 0;  // the whole message sent, no reply: marked interrupted
    std::size_t left_out = 0;    // unsubscribed or disabled since they were queued
    // The issue's messages that may not have been delivered, whichever run left them: only
    // the operator can settle them (the mail server's log, then --resend-interrupted).
    std::size_t interrupted_in_issue = 0;
    // Why it stopped early, if it did, and in words for the summary line.
    enum class Stop { no, hourly_limit, server_refused, too_many_failures, database_busy,
                      server_refuses_everyone } stop = Stop::no;
    std::string stopped;
};

struct SendCallbacks {
    std::function<void(std::size_t done, std::size_t total)> on_progress;
};

// `editions` by language (fr, en). The caller holds the send lock.
SendReport send_letter(Database& db, const std::string& issue, const std::map<std::string, LetterEdition>& editions,
                       const std::string& fallback_language, const LetterSettings& letter, const SmtpSettings& smtp,
                       const SendLimits& limits, const Clock& clock, const SendCallbacks& callbacks);

// One copy per language to `address`, recorded nowhere: to see the letter as members will.
void send_test_copies(const std::string& issue, const std::map<std::string, LetterEdition>& editions,
                      const std::string& address, const LetterSettings& letter, const SmtpSettings& smtp, const Clock& clock);

} // namespace expeer
