The letter's sender under trouble: killed with kill -9 mid-run, a server that says 4xx to
everyone, one that refuses most addresses, two runs at once, secrets.

  $ . use-database expeer.db
  $ . letter-settings
  $ cli="$TESTS_DATA/../cli"
  $ expeer -q db init
  $ { echo "email,name,language,newsletter"; for i in $(seq 1 60); do echo "m$i@example.org,Member $i,fr,yes"; done; } > members.csv
  $ expeer -q members import members.csv
  members.csv: 60 rows: 60 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected

Each issue is the skeleton of `letter new`, its [[placeholders]] written (approve refuses them).

  $ new_issue() { expeer -q letter new "$1" && sed -i 's/\[\[\([^]]*\)\]\]/\1/g' "letters/$1.yaml"; }
  $ new_issue 2024-10
  $ expeer -q letter approve 2024-10
  $ server() { [ -f port.pid ] && kill $(cat port.pid) 2>/dev/null; sleep 0.2; rm -f port port.pid; (/usr/bin/python3 "$cli/smtp_server.py" --port-file port "$@" &); for i in $(seq 1 300); do [ -s port ] && break; sleep 0.1; done; export EXPEER_SMTP_URL=smtp://127.0.0.1:$(cat port); }

Killed mid-run with kill -9, then run again: nobody receives the letter twice, and everyone
else receives it. A message that was being sent when the process died may have been
delivered, so it is marked interrupted, not sent again.

  $ server --dir slow --delay 0.05
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2024-10 > first.txt & sleep 1.5; kill -9 $!; wait $! 2>/dev/null; true
  $ sql "SELECT count(*) FROM letter_sends WHERE status = 'sent'" | awk '{ print ($1 > 5 && $1 < 60) }'
  1
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2024-10 2> rerun.err | sed -E 's/[0-9]+ sent/N sent/; s/, 1 interrupted by an earlier crash//'
  letter 2024-10: N sent, 0 failed, 0 waiting
  $ sql "SELECT DISTINCT reply FROM letter_sends WHERE issue = '2024-10' AND status = 'pending'"
  $ sql "SELECT count(*) FILTER (WHERE status IN ('sent', 'interrupted')), count(*) FILTER (WHERE status = 'interrupted') FROM letter_sends WHERE issue = '2024-10'" | awk -F'|' '{ print $1 "|" ($2 <= 1) }'
  60|1

The rerun says so when the kill left one interrupted, and only then.

  $ sql "SELECT count(*) FROM letter_sends WHERE issue = '2024-10' AND status = 'interrupted'" | awk -v said=$(grep -c '^expeer: error: 1 member of 2024-10 may not have received it' rerun.err) '{ print ($1 == said) }'
  1
  $ /usr/bin/python3 "$cli/check_mail.py" slow --quiet | sed -E 's/^[0-9]+ messages, [0-9]+ recipients/N messages, N recipients/'
  N messages, N recipients, 0 problems
  $ received=$(ls slow/*.eml | wc -l)
  $ sql "SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status IN ('sent', 'interrupted')) FROM letter_sends WHERE issue = '2024-10'" | awk -F'|' -v received=$received '{ print (received >= $1 && received <= $2) }'
  1
  $ kill $(cat port.pid); sleep 0.2

Every address answered 451: each is tried max_attempts times with back-off, then left
pending, and the exit status (75) tells cron to try again later.

  $ new_issue 2024-11; expeer -q letter approve 2024-11
  $ server --dir busy $(for i in $(seq 1 60); do printf -- '--temp-fail m%s@example.org:99 ' $i; done)
  $ EXPEER_LETTER_MAX_ATTEMPTS=2 EXPEER_LETTER_CONNECTIONS=8 expeer letter send 2024-11
  letter 2024-11: 0 sent, 0 failed, 60 waiting
  [75]
  $ sql "SELECT DISTINCT attempts, reply FROM letter_sends WHERE issue = '2024-11'"
  2|451 4.3.0 try again later
  $ kill $(cat port.pid); sleep 0.2

The server recovers, but a provider's hourly limit of 25 counts every issue: the 60 sent
at 08:30 leave no room until 09:30; then 25 an hour.

  $ server --dir recovered
  $ EXPEER_LETTER_PER_HOUR=25 expeer letter send 2024-11
  letter 2024-11: 0 sent, 0 failed, 60 waiting; stopped: the hourly limit (letter.per_hour) is reached
  [75]
  $ export EXPEER_NOW=2024-09-15T09:40:00Z
  $ EXPEER_LETTER_PER_HOUR=25 expeer letter send 2024-11
  letter 2024-11: 25 sent, 0 failed, 35 waiting; stopped: the hourly limit (letter.per_hour) is reached
  [75]
  $ EXPEER_NOW=2024-09-15T10:41:00Z EXPEER_LETTER_PER_HOUR=25 EXPEER_LETTER_PER_SECOND=200 expeer letter send 2024-11
  letter 2024-11: 25 sent, 0 failed, 10 waiting; stopped: the hourly limit (letter.per_hour) is reached
  [75]
  $ EXPEER_NOW=2024-09-15T11:42:00Z expeer letter send 2024-11
  letter 2024-11: 10 sent, 0 failed, 0 waiting
  $ kill $(cat port.pid); sleep 0.2

Most addresses refused (550): sending stops once more than 10% failed.

  $ new_issue 2024-12; expeer -q letter approve 2024-12
  $ server --dir refusing $(for i in $(seq 1 40); do printf -- '--perm-fail m%s@example.org ' $i; done)
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2024-12
  letter 2024-12: 0 sent, 20 failed, 40 waiting; stopped: more than 10% of the addresses failed
  expeer: error: sending stopped: more than 10% of the addresses failed; see `expeer letter status`
  [1]

Which addresses failed, and what the server said, to correct them:

  $ expeer letter status 2024-12 --list failed --format csv 2>/dev/null | head -3
  email,language,status,attempts,updated_at,reply,message_id
  m10@example.org,fr,failed,1,2024-09-15T09:40:00Z,550 5.1.1 <m10@example.org>: no such mailbox,<letter-2024-12-fr-10.5f2f13f1a6cb@network.example>
  m11@example.org,fr,failed,1,2024-09-15T09:40:00Z,550 5.1.1 <m11@example.org>: no such mailbox,<letter-2024-12-fr-11.d3a0cc9b45a5@network.example>
  $ expeer letter status 2024-12 --list failed --format json 2>/dev/null | grep -c '"status": "failed"'
  20

Once the list is corrected (here: the server accepts everyone again), --retry-failed tries
the failed addresses again.

  $ server --dir corrected
  $ expeer letter send 2024-12
  letter 2024-12: 40 sent, 0 failed, 0 waiting
  $ expeer letter send 2024-12 --retry-failed
  letter 2024-12: 20 sent, 0 failed, 0 waiting

A crash between "sending" and the server's answer leaves a message that may have been
delivered: it is counted as interrupted and not sent again, unless asked (after looking
for the address in the mail server's log). Until then every run exits 3, not 0: not
everyone is known to have the letter.

  $ sql "UPDATE letter_sends SET status = 'sending' WHERE issue = '2024-12' AND member_id = (SELECT id FROM members WHERE email_key = 'm7@example.org')"
  $ expeer letter send 2024-12
  letter 2024-12: 0 sent, 0 failed, 0 waiting, 1 interrupted by an earlier crash
  expeer: error: 1 member of 2024-12 may not have received it (interrupted, it may have been delivered): `expeer letter status 2024-12 --list interrupted` lists them; after checking the mail server's log, `expeer letter send 2024-12 --resend-interrupted` sends to them again
  [3]
  $ expeer letter status 2024-12 --list interrupted --format csv 2>/dev/null
  email,language,status,attempts,updated_at,reply,message_id
  m7@example.org,fr,interrupted,2,2024-09-15T09:40:00Z,interrupted while sending: it may have been delivered,<letter-2024-12-fr-7.c6d87a6c4c35@network.example>
  $ expeer letter send 2024-12
  letter 2024-12: 0 sent, 0 failed, 0 waiting
  expeer: error: 1 member of 2024-12 may not have received it (interrupted, it may have been delivered): `expeer letter status 2024-12 --list interrupted` lists them; after checking the mail server's log, `expeer letter send 2024-12 --resend-interrupted` sends to them again
  [3]
  $ expeer letter status 2024-12 --format csv
  expeer: issue 2024-12 approved on 2024-09-15T09:40:00Z by tester
  expeer: since: 0 bounced, 0 complaints, 0 unsubscribed
  language,pending,sending,sent,failed,interrupted
  fr,0,0,59,0,1
  en,0,0,0,0,0
  $ expeer letter send 2024-12 --resend-interrupted
  letter 2024-12: 1 sent, 0 failed, 0 waiting
  $ grep -l 'm7@example.org' corrected/*.eml | wc -l
  2

A server slower than smtp.timeout_seconds to answer the end of a message has it, and
delivers it, though the sender never hears so: the message may have been delivered, so it is
marked interrupted like a crash's, not sent again in this run or the next, and the exit status
(3) says someone may be missing the letter, how many, and where to look.

  $ new_issue 2025-04; expeer -q letter approve 2025-04
  $ server --dir late --late-reply m3@example.org:3
  $ EXPEER_SMTP_TIMEOUT_SECONDS=1 expeer letter send 2025-04
  letter 2025-04: 59 sent, 0 failed, 0 waiting, 1 unanswered by the server
  expeer: error: 1 member of 2025-04 may not have received it (interrupted, it may have been delivered): `expeer letter status 2025-04 --list interrupted` lists them; after checking the mail server's log, `expeer letter send 2025-04 --resend-interrupted` sends to them again
  [3]
  $ expeer letter send 2025-04
  letter 2025-04: 0 sent, 0 failed, 0 waiting
  expeer: error: 1 member of 2025-04 may not have received it (interrupted, it may have been delivered): `expeer letter status 2025-04 --list interrupted` lists them; after checking the mail server's log, `expeer letter send 2025-04 --resend-interrupted` sends to them again
  [3]
  $ grep -l '^X-Envelope-To: m3@example.org' late/*.eml | wc -l
  1
  $ expeer letter status 2025-04 --list interrupted --format csv 2>/dev/null | cut -d, -f1,3,4,6
  email,status,attempts,reply
  m3@example.org,interrupted,1,no reply after the whole message was sent (timed out): it may have been delivered
  $ kill $(cat port.pid); sleep 0.2

Another command holding the database's write lock past the busy timeout, mid-send: nothing
new starts, the outcomes of what was sent are recorded once the lock is free, nothing is left
"sending", and the exit status (75) tells cron to come back; the next run finishes.

  $ new_issue 2025-05; expeer -q letter approve 2025-05
  $ server --dir locked-db --delay 0.05
  $ sent() { sql "SELECT count(*) FROM letter_sends WHERE issue = '2025-05' AND status = 'sent'"; }
  $ (for i in $(seq 1 600); do [ "$(sent)" -ge 5 ] && break; sleep 0.05; done; hold-write-lock) &
  $ (for i in $(seq 1 3000); do [ -e locked ] && break; sleep 0.01; done; sleep 1.5; touch release) &
  $ EXPEER_BUSY_TIMEOUT_MS=500 EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2025-05 | sed -E 's/[0-9]+ (sent|waiting)/N \1/g'; echo "exit ${PIPESTATUS[0]}"; wait
  letter 2025-05: N sent, 0 failed, N waiting; stopped: the database stayed locked by another command
  exit 75
  $ sql "SELECT status FROM letter_sends WHERE issue = '2025-05' AND status NOT IN ('sent', 'pending')"
  $ [ "$(sent)" = "$(ls locked-db | wc -l)" ] && echo "every message delivered is recorded as sent"
  every message delivered is recorded as sent
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2025-05 | sed -E 's/[0-9]+ sent/N sent/'
  letter 2025-05: N sent, 0 failed, 0 waiting
  $ ls locked-db | wc -l
  60
  $ rm -f locked release; kill $(cat port.pid); sleep 0.2

Held before the send starts, the lock keeps it from changing anything: exit 75.

  $ new_issue 2025-06; expeer -q letter approve 2025-06
  $ hold-write-lock &
  $ for i in $(seq 1 3000); do [ -e locked ] && break; sleep 0.01; done
  $ EXPEER_BUSY_TIMEOUT_MS=200 expeer letter send 2025-06
  expeer: error: the database '*' is busy: another command kept it locked; try again later (glob)
  [75]
  $ touch release; wait; rm -f locked release
  $ sql "SELECT count(*) FROM letter_sends WHERE issue = '2025-06'"
  0

A relay that rejects the sender refuses every recipient with the same words: after five,
the run stops, blames no address (they are left to send), and quotes the server (exit 78).

  $ new_issue 2025-07; expeer -q letter approve 2025-07
  $ server --dir relay --refuse-all '550 5.7.1 <letter@network.example>: Sender address rejected: "not ours"'
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2025-07
  letter 2025-07: 0 sent, 0 failed, 60 waiting; stopped: the SMTP server refused the first 5 recipients with the same reply, '550 5.7.1 <letter@network.example>: Sender address rejected: "not ours"': it refuses this sender or this client, not the addresses; none was marked failed
  expeer: error: sending stopped: the SMTP server refused the first 5 recipients with the same reply, '550 5.7.1 <letter@network.example>: Sender address rejected: "not ours"': it refuses this sender or this client, not the addresses; none was marked failed
  [78]
  $ sql "SELECT status, count(*) FROM letter_sends WHERE issue = '2025-07' GROUP BY status"
  pending|60
  $ server --dir relay-fixed
  $ expeer letter send 2025-07
  letter 2025-07: 60 sent, 0 failed, 0 waiting
  $ kill $(cat port.pid); sleep 0.2

Two runs at once: the second waits for cron's next turn.

  $ new_issue 2025-01; expeer -q letter approve 2025-01
  $ server --dir locked --delay 0.05
  $ EXPEER_LETTER_CONNECTIONS=1 expeer letter send 2025-01 > /dev/null & sleep 0.5
  $ expeer letter send 2025-01 2>&1 | sed "s#$PWD#.#"; echo "exit ${PIPESTATUS[0]}"; wait
  expeer: error: another `expeer letter send` is already running (*): try again later (glob)
  exit 75

More recipients than one read of the send log (256), all answering 451: every one is tried
as many times as allowed, no more, no fewer (none starved behind the retries).

  $ { echo "email,name,language,newsletter"; for i in $(seq 1 250); do echo "x$i@example.org,Extra $i,en,yes"; done; } > more.csv
  $ expeer -q members import more.csv
  more.csv: 250 rows: 250 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ new_issue 2025-02; expeer -q letter approve 2025-02
  $ server --dir crowded $(for i in $(seq 1 60); do printf -- '--temp-fail m%s@example.org:99 ' $i; done; for i in $(seq 1 250); do printf -- '--temp-fail x%s@example.org:99 ' $i; done)
  $ EXPEER_LETTER_MAX_ATTEMPTS=2 EXPEER_LETTER_CONNECTIONS=8 expeer letter send 2025-02
  letter 2025-02: 0 sent, 0 failed, 310 waiting
  [75]
  $ sql "SELECT attempts, count(*) FROM letter_sends WHERE issue = '2025-02' GROUP BY attempts"
  2|310

A password given through the environment is used, never shown.

  $ EXPEER_SMTP_PASSWORD=hunter2-secret expeer config show | grep -E '^(smtp.password|letter.token_secret),'
  letter.token_secret,********
  smtp.password,********
  $ EXPEER_SMTP_USER=letter EXPEER_SMTP_PASSWORD=hunter2-secret expeer letter send 2025-01 --test-to x@example.org 2>&1 | grep -c hunter2
  0
  [1]
  $ kill $(cat port.pid)

Two admins' jobs at once: a send while an import of 3,000 subscribers runs. Both finish;
every recipient the send counted has exactly one message, and nobody has two.

  $ python3 -c '
  > print("email,name,language,newsletter")
  > for i in range(3000): print(f"n{i}@example.org,New {i},fr,yes")' > new.csv
  $ new_issue 2025-03; expeer -q letter approve 2025-03
  $ server --dir during
  $ expeer -q members import new.csv > import.out 2>&1 &
  $ importer=$!
  $ EXPEER_LETTER_CONNECTIONS=4 expeer -q letter send 2025-03 > send.out 2>&1; echo "send: $?"
  send: 0
  $ wait $importer; echo "import: $?"; cat import.out
  import: 0
  new.csv: 3000 rows: 3000 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected
  $ sent=$(expeer letter status 2025-03 --format csv 2>/dev/null | awk -F, 'NR > 1 { s += $4 } END { print s }')
  $ delivered=$(grep -l '^Subject:' during/*.eml | wc -l)
  $ [ "$sent" = "$delivered" ] && [ "$sent" -ge 310 ] && echo "one message for each recipient counted"
  one message for each recipient counted
  $ grep -h -i '^To:' during/*.eml | wc -l | awk -v n=$sent '{ print ($1 == n) ? "one To: line each" : $1 }'
  one To: line each
  $ grep -h -i '^To:' during/*.eml | sort | uniq -d | wc -l
  0
  $ kill $(cat port.pid)
