#include "letter/bounce_report.hpp"

#include "letter/gmime_objects.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace expeer {

const char* bounce_kind_name(BounceKind kind) {
    switch (kind) {
    case BounceKind::hard: return "hard";
    case BounceKind::soft: return "soft";
    case BounceKind::delayed: return "delayed";
    case BounceKind::complaint: return "complaint";
    case BounceKind::not_a_report: return "not a report";
    }
    return "";
}

namespace {

using gmime::Ref;

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// One line, and not a whole returned message: what an admin reads in a report.
std::string one_line(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const bool space = c == '\r' || c == '\n' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
        if (out.size() >= 300) break;
    }
    return trim(out);
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// The addresses of a header written as RFC 5322 says (To) or bare (Delivered-To).
void add_addresses(std::vector<std::string>& list, const char* value) {
    if (!value) return;
    Ref<InternetAddressList> addresses(internet_address_list_parse(nullptr, value));
    if (!addresses) return;
    for (int i = 0; i < internet_address_list_length(addresses.get()); ++i) {
        InternetAddress* address = internet_address_list_get_address(addresses.get(), i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address))
            if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))
                add_unique(list, addr);
    }
}

// Every value of a header that may appear more than once (Delivered-To).
void add_header_addresses(std::vector<std::string>& list, GMimeObject* object, const char* name) {
    GMimeHeaderList* headers = g_mime_object_get_header_list(object);
    for (int i = 0; headers && i < g_mime_header_list_get_count(headers); ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), name) == 0)
            add_addresses(list, g_mime_header_get_value(header));
    }
}

// The decoded content of a leaf part, as bytes.
std::string part_content(GMimeObject* object) {
    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (!inner) return {};
        char* text = g_mime_object_to_string(GMIME_OBJECT(inner), nullptr);
        std::string out = text ? text : "";
        g_free(text);
        return out;
    }
    if (!GMIME_IS_PART(object)) return {};
    GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(object));
    if (!content) return {};
    Ref<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, memory.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
    return bytes ? std::string(reinterpret_cast<const char*>(bytes->data), bytes->len) : std::string();
}

using Fields = std::multimap<std::string, std::string>; // by lower-case name

// The groups of fields of a delivery-status or feedback-report part: header syntax, folded
// lines, groups separated by blank lines (RFC 3464, 2.1).
std::vector<Fields> field_groups(std::string_view text) {
    std::vector<Fields> groups(1);
    std::string name, value;
    const auto flush = [&] {
        if (!name.empty()) groups.back().emplace(lower(trim(name)), trim(value));
        name.clear();
        value.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) {
            flush();
            if (!groups.back().empty()) groups.emplace_back();
        } else if (line.front() == ' ' || line.front() == '\t') {
            if (!name.empty()) value += " " + trim(line);
        } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            flush();
            name = line.substr(0, colon);
            value = line.substr(colon + 1);
        }
        start = end + 1;
    }
    flush();
    if (groups.back().empty()) groups.pop_back();
    return groups;
}

std::string field(const Fields& fields, const std::string& name) {
    const auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

// "rfc822; someone@example.org" -> "someone@example.org"
std::string typed_address(const std::string& value) {
    const auto semicolon = value.find(';');
    return trim(semicolon == std::string::npos ? value : value.substr(semicolon + 1));
}

// "5.1.1 (bad destination mailbox)" -> "5.1.1"; nothing unless it is a status code.
std::string status_code(const std::string& value) {
    const std::string code = trim(value.substr(0, value.find_first_of(" \t(")));
    if (code.size() < 5 || (code[0] != '2' && code[0] != '4' && code[0] != '5') || code[1] != '.') return {};
    const bool shaped = std::all_of(code.begin(), code.end(), [](char c) { return c == '.' || std::isdigit(static_cast<unsigned char>(c)); }) &&
                        std::count(code.begin(), code.end(), '.') == 2;
    return shaped ? code : std::string();
}

// The worst per-recipient outcome: a letter goes to one member, but a report may name more.
void read_delivery_status(const std::string& text, BounceReport& report) {
    const auto rank = [](BounceKind kind) {
        switch (kind) {
        case BounceKind::hard: return 3;
        case BounceKind::soft: return 2;
        case BounceKind::delayed: return 1;
        default: return 0;
        }
    };
    const auto groups = field_groups(text);
    for (std::size_t i = 1; i < groups.size(); ++i) { // the first group is about the message
        const Fields& recipient = groups[i];
        const std::string action = lower(field(recipient, "action"));
        const std::string status = status_code(field(recipient, "status"));
        BounceKind kind = BounceKind::not_a_report;
        if (action == "failed") kind = status.starts_with('4') ? BounceKind::soft : BounceKind::hard;
        else if (action == "delayed") kind = BounceKind::delayed;
        add_unique(report.recipients, typed_address(field(recipient, "original-recipient")));
        add_unique(report.recipients, typed_address(field(recipient, "final-recipient")));
        if (rank(kind) > rank(report.kind) || (report.status.empty() && rank(kind) == rank(report.kind))) {
            if (rank(kind) > rank(report.kind)) report.kind = kind;
            report.status = status;
            report.diagnostic = one_line(typed_address(field(recipient, "diagnostic-code")));
        }
    }
}

void read_feedback_report(const std::string& text, BounceReport& report) {
    const auto groups = field_groups(text);
    if (groups.empty()) return;
    const Fields& fields = groups.front();
    report.status = lower(field(fields, "feedback-type"));
    report.kind = report.status == "abuse" ? BounceKind::complaint : BounceKind::not_a_report;
    for (const char* name : {"original-mail-from"})
        for (auto [it, end] = fields.equal_range(name); it != end; ++it) add_addresses(report.bounce_addresses, it->second.c_str());
    for (const char* name : {"original-rcpt-to", "removal-recipient"})
        for (auto [it, end] = fields.equal_range(name); it != end; ++it) add_addresses(report.recipients, it->second.c_str());
}

// "<https://network.example/letter/unsubscribe?token=42-abc>, <mailto:...>" -> "42-abc"
void add_tokens(std::vector<std::string>& tokens, const char* value) {
    if (!value) return;
    const std::string_view links(value);
    for (std::size_t at = links.find("token="); at != std::string_view::npos; at = links.find("token=", at + 1)) {
        const auto start = at + 6;
        const auto end = links.find_first_of(">&,; \t", start);
        add_unique(tokens, std::string(links.substr(start, end == std::string_view::npos ? end : end - start)));
    }
}

// The returned message, or only its headers: what the letter said about its recipient.
void read_returned(GMimeObject* returned, BounceReport& report) {
    add_header_addresses(report.bounce_addresses, returned, "Return-Path");
    add_header_addresses(report.recipients, returned, "To");
    add_tokens(report.unsubscribe_tokens, g_mime_object_get_header(returned, "List-Unsubscribe"));
}

Ref<GMimeMessage> parse_message(std::string_view bytes) {
    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return Ref<GMimeMessage>(g_mime_parser_construct_message(parser.get(), nullptr));
}

void read_report_part(GMimeObject* part, BounceReport& report) {
    GMimeContentType* type = g_mime_object_get_content_type(part);
    if (!type) return;
    if (g_mime_content_type_is_type(type, "message", "delivery-status") ||
        g_mime_content_type_is_type(type, "message", "global-delivery-status")) {
        read_delivery_status(part_content(part), report);
    } else if (g_mime_content_type_is_type(type, "message", "feedback-report")) {
        read_feedback_report(part_content(part), report);
    } else if (GMIME_IS_MESSAGE_PART(part)) {
        if (GMimeMessage* returned = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part)))
            read_returned(GMIME_OBJECT(returned), report);
    } else if (g_mime_content_type_is_type(type, "text", "rfc822-headers") ||
               g_mime_content_type_is_type(type, "text", "global-headers")) {
        if (const auto headers = parse_message(part_content(part) + "\n")) read_returned(GMIME_OBJECT(headers.get()), report);
    }
}

} // namespace

BounceReport read_bounce_report(std::string_view message) {
    gmime::start();
    BounceReport report;
    const auto parsed = parse_message(message);
    if (!parsed) return report;
    GMimeObject* outer = GMIME_OBJECT(parsed.get());
    if (const char* id = g_mime_message_get_message_id(parsed.get())) report.message_id = one_line(id);
    for (const char* name : {"Delivered-To", "X-Original-To", "Envelope-To", "To"})
        add_header_addresses(report.bounce_addresses, outer, name);
    GMimeObject* body = g_mime_message_get_mime_part(parsed.get());
    if (!body || !GMIME_IS_MULTIPART(body)) return report;
    GMimeContentType* type = g_mime_object_get_content_type(body);
    if (!type || !g_mime_content_type_is_type(type, "multipart", "report")) return report;
    const char* report_type = g_mime_content_type_get_parameter(type, "report-type");
    const std::string kind_of_report = report_type ? lower(report_type) : "";
    if (kind_of_report != "delivery-status" && kind_of_report != "feedback-report") return report;
    GMimeMultipart* parts = GMIME_MULTIPART(body);
    for (int i = 0; i < g_mime_multipart_get_count(parts); ++i) read_report_part(g_mime_multipart_get_part(parts, i), report);
    // A report of one type with the other's part is neither.
    if ((kind_of_report == "delivery-status") == (report.kind == BounceKind::complaint)) {
        report.kind = BounceKind::not_a_report;
    }
    return report;
}

} // namespace expeer
