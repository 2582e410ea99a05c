// The reports of tests/data/bounces/, as Postfix, Exim, Gmail and Yahoo write them.
#include "letter/bounce_report.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using namespace expeer;
using Catch::Matchers::VectorContains;

namespace {

std::string sample(const std::string& name) {
    std::ifstream in(EXPEER_SOURCE_DIR "/tests/data/bounces/" + name, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("Postfix's undelivered mail is a hard bounce to the member's bounce address") {
    const auto r = read_bounce_report(sample("postfix-hard.eml"));
    CHECK(r.kind == BounceKind::hard);
    CHECK(r.status == "5.1.1");
    CHECK(r.message_id == "20240915083102.4X7Qk36Hq1z9sVt@mail.network.example");
    CHECK(r.diagnostic == "550 5.1.1 <amina@example.org>: Recipient address rejected: User unknown in virtual "
                          "mailbox table");
    CHECK_THAT(r.bounce_addresses, VectorContains(std::string("bounces+1-o6apj3ao37my4iooujpe2cizeq@network.example")));
    CHECK(r.recipients == std::vector<std::string>{"amina@example.org"});
    CHECK(r.unsubscribe_tokens == std::vector<std::string>{"1-JR6DcFGSiEqXeIREhGdMWQ"});
}

TEST_CASE("Postfix giving up on a temporary failure is a soft bounce, read from the returned headers only") {
    const auto r = read_bounce_report(sample("postfix-soft.eml"));
    CHECK(r.kind == BounceKind::soft);
    CHECK(r.status == "4.4.1");
    CHECK(r.unsubscribe_tokens == std::vector<std::string>{"4-XuPJ0knNxFAlqXJd9_y2WQ"});
    CHECK_THAT(r.recipients, VectorContains(std::string("dina@example.org")));
}

TEST_CASE("Exim's returned message is a hard bounce, by Envelope-to") {
    const auto r = read_bounce_report(sample("exim-hard.eml"));
    CHECK(r.kind == BounceKind::hard);
    CHECK(r.status == "5.0.0");
    CHECK(r.message_id == "E1spkqp-0004Zk-2H@relay.example.net");
    CHECK(r.bounce_addresses.front() == "bounces+2-26kzq7ks2qungcamlwel5l2oam@network.example");
    CHECK(r.recipients == std::vector<std::string>{"bruno@example.net"});
}

TEST_CASE("Gmail's notices: a failure is a hard bounce, a delay is not a bounce") {
    const auto failure = read_bounce_report(sample("gmail-hard.eml"));
    CHECK(failure.kind == BounceKind::hard);
    CHECK(failure.status == "5.1.1");
    CHECK(failure.diagnostic.starts_with("550-5.1.1 The email account that you tried to reach does not exist."));
    CHECK(failure.unsubscribe_tokens == std::vector<std::string>{"3-z_CSFZOMLEGEVUx5JQgd6A"});
    const auto delay = read_bounce_report(sample("gmail-delayed.eml"));
    CHECK(delay.kind == BounceKind::delayed);
    CHECK(delay.status == "4.4.1");
    CHECK(delay.unsubscribe_tokens == std::vector<std::string>{"5-RTp9kzX6_HhrjtF53VJyKA"});
}

TEST_CASE("an abuse report is a complaint, found by the original envelope sender") {
    const auto r = read_bounce_report(sample("yahoo-arf-abuse.eml"));
    CHECK(r.kind == BounceKind::complaint);
    CHECK(r.status == "abuse");
    CHECK_THAT(r.bounce_addresses, VectorContains(std::string("bounces+6-lqqoflqgjd6c6qhh6yrddxopou@network.example")));
    CHECK(r.unsubscribe_tokens == std::vector<std::string>{"6-ccIu2HEXFJZo2o6fK06Yww"});
}

TEST_CASE("an auto-reply, noise and half a report are not reports") {
    CHECK(read_bounce_report(sample("auto-reply.eml")).kind == BounceKind::not_a_report);
    CHECK(read_bounce_report("").kind == BounceKind::not_a_report);
    CHECK(read_bounce_report(std::string("\0\xff garbage\n\n\n", 13)).kind == BounceKind::not_a_report);
    // A delivery report that says it was delivered, and a feedback report that is not abuse.
    const std::string delivered = "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
                                  "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\n"
                                  "Final-Recipient: rfc822; a@example.org\nAction: delivered\nStatus: 2.0.0\n\n--b--\n";
    CHECK(read_bounce_report(delivered).kind == BounceKind::not_a_report);
    const std::string not_spam = "Content-Type: multipart/report; report-type=feedback-report; boundary=b\n\n"
                                 "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: not-spam\n\n--b--\n";
    CHECK(read_bounce_report(not_spam).kind == BounceKind::not_a_report);
    // A delivery report that carries a feedback part is neither.
    const std::string mixed = "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
                              "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\n\n--b--\n";
    CHECK(read_bounce_report(mixed).kind == BounceKind::not_a_report);
}
