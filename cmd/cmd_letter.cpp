// expeer letter new|approve|build|recipients|send|status|archive|unsubscribe-cgi
#include "commands.hpp"

#include "letter/archive.hpp"
#include "letter/newsletter.hpp"
#include "letter/totals.hpp"
#include "letter/unsubscribe_page.hpp"
#include "members/registry.hpp"
#include "store/member_store.hpp"
#include "progress.hpp"
#include "store/letter_store.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct Command {
    std::string issue;
    std::filesystem::path out;
    std::string format;
    std::string test_to;
    bool force = false;
    bool allow_missing = false;
    bool dry_run = false;
    bool retry_failed = false;
    bool resend_interrupted = false;
    bool if_approved = false;
    std::string list;
};

std::filesystem::path directory(Context& context) {
    // A server has no database file to keep the letters beside: they go beside the contents
    // of the libraries, the place set for this network's files on this machine.
    const auto& options = context.database_options();
    return letter_directory(context.config(), options.on_server() ? context.blobs().root() : options.file);
}

CLI::Option* add_issue(CLI::App& command, Command& c) {
    return command.add_option("issue", c.issue, "The issue: a year and a month, such as 2024-09")->required();
}

void add_allow_missing(CLI::App& command, Command& c) {
    command.add_flag("--allow-missing", c.allow_missing,
                     "Let a text missing its translation fall back to the other language, with a note");
}

} // namespace

void add_letter_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<Command>();
        auto* create = group.add_subcommand("new", "Create an issue's source file to write (see expeer-letter(5))");
        add_issue(*create, *c);
        create->add_flag("--force", c->force, "Replace an existing source file");
        create->callback([&, c] {
            action = [&, c] {
                const auto file = create_issue(directory(context), c->issue, c->force);
                context.say(fmt::format("expeer: wrote '{}': fill it in, then `expeer letter build {}`", file.string(), c->issue));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* approve = group.add_subcommand("approve", "Mark an issue ready to send, as it is now");
        add_issue(*approve, *c);
        add_allow_missing(*approve, *c);
        approve->callback([&, c] {
            action = [&, c] {
                const auto prepared = prepare_issue(context.database(), context.config(), directory(context), c->issue,
                                                    c->allow_missing);
                approve_issue(context.database(), prepared, context.clock(), context.config().get("actor"));
                context.say(fmt::format("expeer: issue {} is approved", c->issue));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* build = group.add_subcommand("build", "Write each language's HTML, text and a sample message (.eml)");
        add_issue(*build, *c);
        build->add_option("--out", c->out, "Where to write them (default: the issue's directory)");
        add_allow_missing(*build, *c);
        build->callback([&, c] {
            action = [&, c] {
                const auto prepared = prepare_issue(context.database(), context.config(), directory(context), c->issue,
                                                    c->allow_missing);
                const auto out = c->out.empty() ? directory(context) / c->issue : c->out;
                for (const auto& file : write_build(prepared, letter_settings(context.config()), out, context.clock()))
                    context.say(fmt::format("expeer: wrote {}", file.string()));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* recipients = group.add_subcommand("recipients", "How many members would receive an issue, per language");
        add_issue(*recipients, *c);
        add_format_option(*recipients, c->format);
        recipients->callback([&, c] {
            action = [&, c] {
                Records records{{"language", "recipients"}, {}, {}};
                for (const auto& [language, count] :
                     recipients_by_language(context.database(DatabaseAccess::read_only), context.config().get("letter.fallback_language")))
                    records.rows.push_back({{"language", language}, {"recipients", count}});
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* send = group.add_subcommand("send", "Send an approved issue to every subscriber (made for cron)");
        add_issue(*send, *c);
        send->add_flag("--dry-run", c->dry_run, "Check everything and say how many would receive it; send nothing");
        send->add_option("--test-to", c->test_to, "Send one copy per language to this address only, recorded nowhere");
        send->add_flag("--retry-failed", c->retry_failed, "Try again the addresses that failed permanently");
        send->add_flag("--resend-interrupted", c->resend_interrupted,
                       "Send again the messages a crash interrupted (they may have been delivered: check the mail "
                       "server's log first)");
        send->add_flag("--if-approved", c->if_approved,
                       "Do nothing, successfully, while the issue is not approved (for cron)");
        send->add_flag("--allow-missing", c->allow_missing,
                       "With --test-to: let a missing translation fall back (a send uses what was approved)");
        send->callback([&, c] {
            action = [&, c] {
                auto& config = context.config();
                auto& db = context.database();
                if (c->if_approved && !LetterStore(db).approval(c->issue)) return;
                const auto letter = letter_settings(config);
                const auto smtp = smtp_settings(config);
                if (!c->test_to.empty()) { // the issue as it is now, approved or not
                    const auto prepared = prepare_issue(db, config, directory(context), c->issue, c->allow_missing);
                    send_test_copies(c->issue, prepared.editions, c->test_to, letter, smtp, context.clock());
                    context.say(fmt::format("expeer: sent a test copy of {} in each language", c->issue));
                    return;
                }
                check_issue_name(c->issue);
                check_approved(db, read_letter_source(directory(context) / (c->issue + ".yaml")));
                // What goes out is what was approved, with the options it was approved with.
                const auto editions = editions_as_approved(db, config, directory(context), c->issue, "members");
                if (c->dry_run) {
                    const auto counts = recipients_by_language(db, config.get("letter.fallback_language"));
                    context.out << fmt::format("letter {}: would send to {} in French and {} in English (dry run)\n",
                                               c->issue, counts.at("fr"), counts.at("en"));
                    return;
                }
                const auto lock = db.lock_job("letter", "another `expeer letter send`");
                auto limits = send_limits(config);
                limits.retry_failed = c->retry_failed;
                limits.resend_interrupted = c->resend_interrupted;
                ProgressBar progress(context.err, context.show_progress(), "sending");
                SendCallbacks callbacks;
                callbacks.on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
                const auto r = send_letter(db, c->issue, editions, config.get("letter.fallback_language"), letter,
                                           smtp, limits, context.clock(), callbacks);
                progress.finish();
                // One line, for cron's mail and the logs; none under --quiet when there was
                // nothing left to do, so a finished issue does not mail every run.
                const bool idle = r.queued == 0 && r.sent == 0 && r.failed == 0 && r.deferred == 0 &&
                                  r.interrupted == 0 && r.unanswered == 0 && r.interrupted_in_issue == 0 &&
                                  r.left_out == 0 && r.stop == SendReport::Stop::no;
                if (!(idle && context.options.quiet))
                    context.out << fmt::format("letter {}: {} sent, {} failed, {} waiting{}{}{}\n", c->issue, r.sent,
                                               r.failed, r.deferred,
                                               r.interrupted ? fmt::format(", {} interrupted by an earlier crash", r.interrupted)
                                                             : "",
                                               r.unanswered ? fmt::format(", {} unanswered by the server", r.unanswered) : "",
                                               r.stopped.empty() ? "" : "; stopped: " + r.stopped);
                // Not a warning: --quiet (cron) must still say why the exit is not 0, and no rerun
                // will settle these on its own. Counted, never listed: the addresses stay out of logs.
                if (r.interrupted_in_issue > 0)
                    context.error(fmt::format(
                        "{} {} of {} may not have received it (interrupted, it may have been delivered): "
                        "`expeer letter status {} --list interrupted` lists them; after checking the mail server's "
                        "log, `expeer letter send {} --resend-interrupted` sends to them again",
                        r.interrupted_in_issue, r.interrupted_in_issue == 1 ? "member" : "members", c->issue, c->issue,
                        c->issue));
                if (r.stop == SendReport::Stop::server_refused || r.stop == SendReport::Stop::server_refuses_everyone)
                    throw Error(ErrorKind::config, "sending stopped: " + r.stopped);
                if (r.stop == SendReport::Stop::too_many_failures)
                    throw Error(ErrorKind::failure, "sending stopped: " + r.stopped + "; see `expeer letter status`");
                if (r.deferred > 0 || r.stop == SendReport::Stop::database_busy)
                    context.exit_code = ExitCode::temporary; // cron: try again later
                else if (r.failed > 0 || r.interrupted_in_issue > 0) context.exit_code = ExitCode::partial;
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* status = group.add_subcommand("status", "How far the sending of an issue has gone");
        add_issue(*status, *c);
        add_format_option(*status, c->format);
        status->add_option("--list", c->list,
                           "List the addresses in one state, with the server's reply and the Message-ID "
                           "(personal data)")
            ->check(CLI::IsMember({"pending", "sending", "sent", "failed", "interrupted"}));
        status->callback([&, c] {
            action = [&, c] {
                check_issue_name(c->issue);
                LetterStore store(context.database(DatabaseAccess::read_only));
                if (!c->list.empty()) {
                    Records records{{"email", "language", "status", "attempts", "updated_at", "reply", "message_id"}, {}, {}};
                    for (const auto& [send, email] : store.sends_in_state(c->issue, c->list))
                        records.rows.push_back({{"email", email},
                                                {"language", send.language},
                                                {"status", send.status},
                                                {"attempts", send.attempts},
                                                {"updated_at", send.updated_at},
                                                {"reply", send.reply.value_or("")},
                                                {"message_id", send.message_id.value_or("")}});
                    print_records(context.out, records, context.format(c->format));
                    return;
                }
                const auto approval = store.approval(c->issue);
                Records records{{"language", "pending", "sending", "sent", "failed", "interrupted"}, {}, {}};
                const auto counts = store.counts_by_language(c->issue);
                for (const auto& language : letter_languages()) {
                    nlohmann::ordered_json row;
                    row["language"] = language;
                    for (const char* state : {"pending", "sending", "sent", "failed", "interrupted"}) {
                        const auto it = counts.find({language, state});
                        row[state] = it == counts.end() ? 0 : it->second;
                    }
                    records.rows.push_back(row);
                }
                if (!approval) context.say(fmt::format("expeer: issue {} is not approved", c->issue));
                else context.say(fmt::format("expeer: issue {} approved on {} by {}", c->issue, approval->approved_at,
                                             approval->approved_by));
                // What followed it, in anonymous totals (letter totals has every issue's).
                for (const auto& t : letter_totals(context.database(DatabaseAccess::read_only)))
                    if (t.issue == c->issue)
                        context.say(fmt::format("expeer: since: {} bounced, {} complaints, {} unsubscribed{}", t.bounced,
                                                t.complaints, t.unsubscribed,
                                                t.until.empty() ? "" : " (until the next issue's approval, " + t.until + ")"));
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* totals = group.add_subcommand("totals", "How each issue fared, in anonymous totals (no one's opens or clicks)");
        add_format_option(*totals, c->format);
        totals->callback([&, c] {
            action = [&, c] {
                Records records{{"issue", "sent", "failed", "interrupted", "pending", "bounced", "complaints",
                                 "unsubscribed", "approved_at", "until"},
                                {},
                                {}};
                for (const auto& t : letter_totals(context.database(DatabaseAccess::read_only))) {
                    nlohmann::ordered_json row;
                    row["issue"] = t.issue;
                    row["sent"] = t.sent;
                    row["failed"] = t.failed;
                    row["interrupted"] = t.interrupted;
                    row["pending"] = t.pending;
                    row["bounced"] = t.bounced;
                    row["complaints"] = t.complaints;
                    row["unsubscribed"] = t.unsubscribed;
                    row["approved_at"] = t.approved_at;
                    row["until"] = t.until.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.until);
                    records.rows.push_back(std::move(row));
                }
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* archive = group.add_subcommand("archive", "Write a static web archive of every sent issue (no personal data)");
        archive->add_option("--out", c->out, "The directory of the archive")->required();
        archive->callback([&, c] {
            action = [&, c] {
                const auto n = write_archive(context.database(), context.config(), directory(context), c->out);
                context.say(fmt::format("expeer: archived {} issues in '{}'", n, c->out.string()));
            };
        });
    }
    {
        auto* cgi = group.add_subcommand("unsubscribe-cgi",
                                         "The unsubscribe page, as a CGI program for the website's server");
        cgi->callback([&] {
            action = [&] {
                // RFC 3875: the request in the environment; the token is in the query either way,
                // so the body (the one-click form's, or the button's) is not read.
                const WebRequest request{context.environment().get_or("REQUEST_METHOD", "GET"),
                                         context.environment().get_or("QUERY_STRING", "")};
                auto& config = context.config();
                UnsubscribeActions actions;
                actions.language_of = [&](std::int64_t id) -> std::optional<std::string> {
                    const auto member = MemberStore(context.database()).find_by_id(id);
                    if (!member || member->status == "erased") return std::nullopt;
                    return member->language;
                };
                actions.unsubscribe = [&](std::int64_t id) {
                    MemberChanges changes;
                    changes.newsletter_consent = false;
                    changes.consent_source = "one-click unsubscribe (web)";
                    MemberRegistry registry(context.database(), context.countries(), context.clock(),
                                            config.get("actor"));
                    return !registry.update(std::to_string(id), changes).changed_fields.empty();
                };
                try {
                    context.out << cgi_response(unsubscribe_page(request, config.get("letter.token_secret"),
                                                                 config.get("letter.fallback_language"), actions));
                } catch (...) {
                    // The visitor gets a page; the reason goes to the server's error log.
                    WebResponse failed;
                    failed.status = 500;
                    failed.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}};
                    failed.body = "Something went wrong; please try again later. / Une erreur est survenue ; "
                                  "réessayez plus tard.\n";
                    context.out << cgi_response(failed);
                    throw;
                }
            };
        });
    }
    add_letter_bounces_command(group, context, action);
}

} // namespace expeer::cli
