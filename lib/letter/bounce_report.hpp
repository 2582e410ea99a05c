// What a returned message says: a delivery status notification (RFC 3464) of a failure, a
// temporary failure or a delay, a complaint (an abuse report, ARF: RFC 5965), or none of these,
// and the clues it holds to whom the letter had been sent. Outside input from anyone who can
// write to the bounce address: parsed with GMime, never trusted, never an exception for a
// malformed message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace expeer {

enum class BounceKind {
    hard,         // Action: failed, Status: 5.x.x: the address does not work
    soft,         // Action: failed, Status: 4.x.x: the server gave up on a passing failure
    delayed,      // Action: delayed: still being tried; not a bounce
    complaint,    // an abuse report: the member marked the letter as spam
    not_a_report, // anything else: a reply, an auto-reply, a "delivered" notice, spam
};

const char* bounce_kind_name(BounceKind kind); // "hard", "soft", "delayed", "complaint", "not a report"

struct BounceReport {
    BounceKind kind = BounceKind::not_a_report;
    std::string message_id; // the report's own Message-ID, without brackets; empty if none
    std::string status;     // the DSN's status code ("5.1.1"), or the feedback type ("abuse")
    std::string diagnostic; // the remote server's words (Diagnostic-Code), one line
    // Where the report was delivered (To, Delivered-To, X-Original-To, Envelope-To) and who
    // sent what it reports on (ARF's Original-Mail-From, the returned message's Return-Path):
    // the member's bounce address (VERP), when the letter had one.
    std::vector<std::string> bounce_addresses;
    // The addresses the failure or complaint is about (Final-Recipient, Original-Recipient,
    // the returned message's To): weaker, since anyone can write them.
    std::vector<std::string> recipients;
    // The member tokens of the returned message's List-Unsubscribe links (?token=...).
    std::vector<std::string> unsubscribe_tokens;
};

BounceReport read_bounce_report(std::string_view message);

} // namespace expeer
