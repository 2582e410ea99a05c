#include "letter/unsubscribe.hpp"
#include "letter/verp.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace expeer;

namespace {

const std::string secret = "a-secret-of-sixteen+";

} // namespace

TEST_CASE("a member's bounce address is the bounce address with their signed id") {
    // The values tests/cli/bin/verp-address computes with Python's hmac: the format is a
    // contract with the mail that is already out.
    CHECK(verp_address(secret, 42, "bounces@network.example") ==
          "bounces+42-qrm4t3ly6bj46atjp3haox6lza@network.example");
    CHECK(verp_member(secret, "bounces+42-qrm4t3ly6bj46atjp3haox6lza@network.example") == 42);
}

TEST_CASE("the unsubscribe token keeps its signature") {
    CHECK(unsubscribe_token(secret, 42) == "42-TwABxIUean6ScXExGN-0Uw");
}

TEST_CASE("a bounce address is read back whatever a mail system did to its case and brackets") {
    const auto address = verp_address(secret, 7, "Bounces@Network.Example");
    CHECK(address.starts_with("Bounces+7-"));
    CHECK(verp_member(secret, address) == 7);
    std::string upper = address;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(verp_member(secret, upper) == 7);
    CHECK(verp_member(secret, "<" + address + ">") == 7);
}

TEST_CASE("a forged, damaged or foreign address names nobody") {
    const auto address = verp_address(secret, 42, "bounces@network.example");
    CHECK_FALSE(verp_member("another-secret-entirely", address));
    CHECK_FALSE(verp_member(secret, "bounces+43" + address.substr(10)));
    CHECK_FALSE(verp_member(secret, address.substr(0, 30) + address.substr(31)));
    CHECK_FALSE(verp_member(secret, "bounces@network.example"));
    CHECK_FALSE(verp_member(secret, "bounces+-@network.example"));
    CHECK_FALSE(verp_member(secret, "bounces+0-qrm4t3ly6bj46atjp3haox6lza@network.example"));
    CHECK_FALSE(verp_member(secret, "bounces+99999999999999999999-x@network.example"));
    CHECK_FALSE(verp_member(secret, ""));
}

TEST_CASE("an unsubscribe token is not a bounce address, nor the other way round") {
    const auto token = unsubscribe_token(secret, 42);
    CHECK_FALSE(verp_member(secret, "bounces+" + token + "@network.example"));
    const auto address = verp_address(secret, 42, "bounces@network.example");
    const auto verp_token = address.substr(8, address.find('@') - 8);
    CHECK_FALSE(verify_unsubscribe_token(secret, verp_token));
}

TEST_CASE("a bounce address that cannot carry a member's is a configuration error") {
    for (const char* bad : {"", "bounces", "@network.example", "bounces@", "bounces+x@network.example"})
        CHECK_THROWS_AS(verp_address(secret, 1, bad), Error);
    CHECK_THROWS_AS(verp_address(secret, 1, std::string(40, 'b') + "@network.example"), Error);
    CHECK_THROWS_AS(verp_address("short", 1, "bounces@network.example"), Error);
}
